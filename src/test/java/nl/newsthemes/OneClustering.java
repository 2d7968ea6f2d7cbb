package nl.newsthemes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The job config of tests about what a run reads, keeps, writes and survives rather than about its topics: LDA starts
 * from one k-means clustering instead of the default ten. The start's consensus is tested by KMeansStartTest and
 * RecurringClustersTest and measured by jobs/topics-bench.sh; each clustering of the default costs a small test run
 * about half a second, which over these tests' runs would take the suite past CI's time. The file is under
 * {@code target/}, so it never shows up among the files a test lists in its own folders.
 */
public final class OneClustering {
    public static final String SETTING = "\"lda_start_clusterings\": 1";

    private OneClustering() {
    }

    /** The path of a config file that holds only {@link #SETTING}, for {@code --config}. */
    public static String config() {
        return config("one-clustering.json", "{" + SETTING + "}");
    }

    /** The absolute path of a config file {@code fileName} under {@code target/test-configs} that holds {@code json}. */
    public static String config(String fileName, String json) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "test-configs"));
            Path file = folder.resolve(fileName);
            // A test JVM that writes the file while another reads it (two builds of one checkout) writes its own copy
            // and moves it into place, so that no run reads a file half-written.
            Path mine = Files.writeString(Files.createTempFile(folder, fileName, ".tmp"), json);
            Files.move(mine, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
