package nl.newsthemes.ingest;

import nl.newsthemes.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Lists the input on the driver, through Hadoop's FileSystem so that local folders, HDFS and object stores work
 * alike. Folders are searched recursively. Names starting with {@code .} or {@code _} ({@code _SUCCESS},
 * {@code .crc} files, hidden files) are metadata: listed as {@link #skipped()}, never read. An input path that
 * does not exist is a {@link ConfigException}.
 *
 * @param files   the files to read, sorted by path (the order ties are broken in)
 * @param skipped metadata and hidden files that were passed over
 */
public record InputListing(List<InputFile> files, List<String> skipped) {

    public static InputListing list(List<String> inputs, Configuration hadoopConf) {
        TreeMap<String, InputFile> files = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (String input : inputs) {
            Path root = new Path(input);
            try {
                FileSystem fs = root.getFileSystem(hadoopConf);
                ConfigException.check(fs.exists(root), "input %s does not exist: check the --input path", input);
                FileStatus status = fs.getFileStatus(root);
                if (status.isFile()) {
                    add(status, files);
                    continue;
                }
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
                while (it.hasNext()) {
                    LocatedFileStatus file = it.next();
                    if (isMetadata(file.getPath(), root)) {
                        skipped.add(file.getPath().toString());
                    } else {
                        add(file, files);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list input " + input + ": " + e.getMessage(), e);
            }
        }
        skipped.sort(Comparator.naturalOrder());
        return new InputListing(List.copyOf(files.values()), List.copyOf(skipped));
    }

    /** The listed files' bytes, added up. */
    public long bytes() {
        return files.stream().mapToLong(InputFile::bytes).sum();
    }

    private static void add(FileStatus status, TreeMap<String, InputFile> files) {
        String path = status.getPath().toString();
        files.put(path, new InputFile(path, status.getLen(), status.getModificationTime(),
                InputFormat.of(status.getPath().getName())));
    }

    /** A file, or a folder between it and the input root, whose name starts with '.' or '_'. */
    private static boolean isMetadata(Path file, Path root) {
        String rootPath = root.toUri().getPath();
        for (Path p = file; p != null && !p.toUri().getPath().equals(rootPath); p = p.getParent()) {
            String name = p.getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    public List<InputFile> ofFormat(InputFormat format) {
        return files.stream().filter(f -> f.format() == format).toList();
    }
}
