package nl.newsthemes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One run of the job on {@code data/sample} per config and build, published in
 * {@code target/test-runs/<name>-<fingerprint>/out} and shared by the test classes that only read a published sample
 * run (or start from a copy of one): a run costs far more than the checks on it. A test never writes into it; one that
 * needs a published run to change copies it with {@link #copyTo}.
 *
 * <p>The fingerprint is a hash of everything the run's outputs depend on: the compiled classes, the pom (which
 * names the dependencies), the sample's files and the arguments. Each run stands for the fixed day {@link #RUN_DATE}
 * ({@code --run-date}), not for the day the tests run: its outputs, which carry the run date, are the same on any day,
 * and a test that runs the job again over a copy passes that day (or a later night's) too. The unit tests' JVM
 * makes the run and the integration tests' JVM (failsafe, after {@code package}) finds it, instead of paying for the
 * same run again in a cold JVM; a change to any of those inputs gives another folder. The job publishes {@code out}
 * by a rename only when it succeeded, so a folder that exists is a whole run.
 */
public final class SampleRun {
    /**
     * The day every shared run stands for ({@code --run-date}): the day after the sample's last month. Fixed, so that
     * the outputs (the topic registry's first and last seen, the manifest, the refit schedule) do not depend on the
     * clock; a test that runs the job again over a shared run or compares its outputs with one gives the same day.
     */
    public static final String RUN_DATE = "2022-02-01";

    private static final Map<String, Path> PUBLISHED = new HashMap<>();

    private SampleRun() {
    }

    /** The sample with every default but the run date ({@link #RUN_DATE}). */
    public static synchronized Path defaults() {
        return published("defaults", List.of("--run-date", RUN_DATE));
    }

    /** The sample with LDA started from one k-means clustering ({@link OneClustering}), for {@link #RUN_DATE}. */
    public static synchronized Path oneClustering() {
        return published("one-clustering", List.of("--run-date", RUN_DATE, "--config", OneClustering.config()));
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
            Path folder = Path.of("target", "test-runs", n + "-" + fingerprint(extraArgs)).toAbsolutePath();
            Path out = folder.resolve("out");
            // Two builds of one checkout at once (two terminals) share the folder: the second waits for the first's
            // run and then reads it, instead of running into the same output.
            try (FileChannel lockFile = FileChannel.open(Files.createDirectories(folder).resolve("run.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                lockFile.lock(); // released when the channel closes
                if (!Files.isRegularFile(out.resolve("manifest.json"))) {
                    List<String> args = new ArrayList<>(List.of("--input", "data/sample", "--output", out.toString()));
                    args.addAll(extraArgs);
                    assertEquals(ExitCode.DONE, ThemesJob.run(args.toArray(String[]::new)), "the shared sample run " + n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        });
    }

    /**
     * SHA-256 (first 16 hex digits) of the compiled classes, the pom, the sample's files and the extra arguments (with
     * the contents of the files they name; the run date is one of them): the same for the unit and the integration
     * tests of one build, on any day.
     */
    static String fingerprint(List<String> extraArgs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path root : List.of(Path.of("target", "classes"), Path.of("data", "sample"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(file));
                    }
                }
            }
            // The pom names the dependencies' versions, which Maven resolves the same way each time.
            sha.update(Files.readAllBytes(Path.of("pom.xml")));
            for (String arg : extraArgs) {
                sha.update((arg + "\n").getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(Path.of(arg))) {
                    sha.update(Files.readAllBytes(Path.of(arg))); // a --config file: its settings, not only its name
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
