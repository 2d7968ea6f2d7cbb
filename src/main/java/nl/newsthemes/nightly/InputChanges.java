package nl.newsthemes.nightly;

import nl.newsthemes.ingest.InputFile;
import nl.newsthemes.ingest.InputListing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The input now against the watermark of the published run.
 *
 * @param added     files listed now and not then
 * @param changed   files whose size or modification time differ
 * @param removed   paths listed then and not now
 * @param unchanged the rest
 */
public record InputChanges(List<InputFile> added, List<InputFile> changed, List<String> removed,
                           List<InputFile> unchanged) {

    static InputChanges between(InputListing now, Watermark then) {
        Map<String, Watermark.FileMark> before = new TreeMap<>();
        then.files().forEach(f -> before.put(f.path(), f));
        List<InputFile> added = new ArrayList<>();
        List<InputFile> changed = new ArrayList<>();
        List<InputFile> unchanged = new ArrayList<>();
        for (InputFile file : now.files()) {
            Watermark.FileMark mark = before.remove(file.path());
            if (mark == null) {
                added.add(file);
            } else if (mark.sameAs(file)) {
                unchanged.add(file);
            } else {
                changed.add(file);
            }
        }
        return new InputChanges(List.copyOf(added), List.copyOf(changed), List.copyOf(before.keySet()),
                List.copyOf(unchanged));
    }

    public boolean none() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
