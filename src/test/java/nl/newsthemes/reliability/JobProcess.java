package nl.newsthemes.reliability;

import nl.newsthemes.ChildJvm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job in a JVM of its own, as a scheduler runs it: with its own heap limit, and killable with SIGKILL.
 * It gets the test JVM's class path and Spark's add-opens file, and starts quickly ({@link ChildJvm#QUICK_START}).
 */
public final class JobProcess {
    private JobProcess() {
    }

    public static Process start(Path log, String heap, String... args) throws IOException {
        return new ProcessBuilder(command(heap, args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The command line that runs the job with {@code args}. */
    static List<String> command(String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("jobs/spark-jvm.args").toAbsolutePath(), "-Xmx" + heap));
        command.addAll(ChildJvm.QUICK_START);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "nl.newsthemes.ThemesJob"));
        command.addAll(List.of(args));
        return command;
    }
}
