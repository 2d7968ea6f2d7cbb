package nl.newsthemes.nightly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.StrictJson;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.ingest.Hashes;
import nl.newsthemes.ingest.InputFile;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.run.ProjectVersion;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.util.List;

/**
 * What a published run has read, kept with its outputs in {@code _state/watermark.json}: every input file with the
 * size and modification time it had, a fingerprint of the settings that shape the results, and which run last
 * fitted the corpus-wide model (vocabulary, IDF, topics). An incremental run compares the input listing with it.
 *
 * @param runId             the run that wrote it
 * @param runDate           that run's run date
 * @param modelRunId        the full run whose vocabulary, IDF and topic model the outputs use
 * @param modelRunDate      that full run's run date: the refit schedule counts from it
 * @param configFingerprint see {@link #fingerprint}
 * @param files             every listed input file
 */
public record Watermark(String runId, String runDate, String modelRunId, String modelRunDate,
                        String configFingerprint, List<FileMark> files) {
    static final String FILE = "watermark.json";

    /** A file as it was listed: a different size or modification time means it changed. */
    public record FileMark(String path, long bytes, long modified) {
        static FileMark of(InputFile file) {
            return new FileMark(file.path(), file.bytes(), file.modified());
        }

        boolean sameAs(InputFile file) {
            return bytes == file.bytes() && modified == file.modified();
        }
    }

    static Watermark of(String runId, String runDate, String modelRunId, String modelRunDate, String fingerprint,
                        InputListing listing) {
        return new Watermark(runId, runDate, modelRunId, modelRunDate, fingerprint,
                listing.files().stream().map(FileMark::of).toList());
    }

    /**
     * A hash of every setting that changes a document's analysis, theme results or the fitted model: the config
     * without the keys that only say where and how the job runs, the theme definitions and the project version
     * (whose analyzer and stopwords may differ). Outputs made under another fingerprint cannot be added to.
     */
    public static String fingerprint(JobConfig config, ThemeSet themes) {
        ObjectNode tree = StrictJson.mapper().valueToTree(config);
        for (String key : List.of("input", "output", "master", "run_date", "incremental", "refit_days",
                "max_rejected_share", "progress_seconds", "shuffle_partitions", "themes", "model_dir", "table_format")) {
            tree.remove(key);
        }
        tree.put("themes_json", themes.json());
        tree.put("project_version", ProjectVersion.get());
        return Hashes.sha256Hex(tree.toString());
    }

    /** The watermark in {@code stateFolder}, or null when there is none. */
    static Watermark read(FileSystem fs, Path stateFolder) {
        return StateFiles.readJson(fs, new Path(stateFolder, FILE), Watermark.class);
    }

    void write(FileSystem fs, Path stateFolder) {
        StateFiles.writeJson(fs, new Path(stateFolder, FILE), this);
    }
}
