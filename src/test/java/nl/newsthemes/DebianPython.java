package nl.newsthemes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's {@code /usr/bin/python3}, the one Debian's python3-* packages install for (the {@code python3} first on
 * PATH may be another build that does not see them). A test that needs it fails, never skips, when it or one of its
 * modules is missing, and says to run {@code jobs/install-test-packages.sh}.
 */
final class DebianPython {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private DebianPython() {
    }

    /** What a process printed (standard output and error together) and its exit code. */
    record Ran(int exit, String output) {
    }

    /** Fails the test, naming what is missing, unless {@code /usr/bin/python3} can import every module. */
    static void requireModules(String... modules) throws IOException, InterruptedException {
        String install = "run jobs/install-test-packages.sh (Debian's python3-nbconvert, python3-ipykernel, "
                + "python3-pandas, python3-matplotlib)";
        assertTrue(Files.isExecutable(PYTHON), PYTHON + " is missing: " + install);
        List<String> args = new ArrayList<>(List.of("-c", "import importlib.util, sys; "
                + "print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"));
        args.addAll(List.of(modules));
        Ran ran = run(Map.of(), Duration.ofMinutes(1), args);
        if (ran.exit() != 0 || !ran.output().isBlank()) {
            fail(PYTHON + " lacks the modules " + ran.output().strip() + ": " + install);
        }
    }

    /** Runs {@code /usr/bin/python3 args...} in the project folder with extra environment variables. */
    static Ran run(Map<String, String> env, Duration timeout, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(args);
        Path log = Files.createTempFile("python3-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " still running after " + timeout + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Ran(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
