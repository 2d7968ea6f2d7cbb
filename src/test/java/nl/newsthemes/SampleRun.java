package nl.newsthemes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One run of the job on {@code data/sample} per test JVM and config, published in
 * {@code target/test-runs/<name>-<random>/out} and shared by the test classes that only read a published sample run
 * (or start from a copy of one): a run costs far more than the checks on it. A test never writes into it; one that needs a published run to change copies it
 * with {@link #copyTo}.
 */
public final class SampleRun {
    private static final Map<String, Path> PUBLISHED = new HashMap<>();

    private SampleRun() {
    }

    /** The sample with every default. */
    public static synchronized Path defaults() {
        return published("defaults", List.of());
    }

    /** The sample with LDA started from one k-means clustering ({@link OneClustering}). */
    public static synchronized Path oneClustering() {
        return published("one-clustering", List.of("--config", OneClustering.config()));
    }

    /** A copy of a published run as {@code target}, for a test that runs the job over it again. */
    public static Path copyTo(Path published, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(published)) {
            for (Path from : files.toList()) {
                Files.copy(from, target.resolve(published.relativize(from).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    private static Path published(String name, List<String> extraArgs) {
        return PUBLISHED.computeIfAbsent(name, n -> {
            Path out;
            try {
                // A new folder per JVM: nothing of an earlier test run is read or has to be cleared first.
                out = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-runs")), n + "-")
                        .resolve("out").toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> args = new ArrayList<>(List.of("--input", "data/sample", "--output", out.toString()));
            args.addAll(extraArgs);
            assertEquals(ExitCode.DONE, ThemesJob.run(args.toArray(String[]::new)), "the shared sample run " + n);
            return out;
        });
    }
}
