package nl.newsthemes.reliability;

import nl.newsthemes.ChildJvm;
import nl.newsthemes.spark.LocalBlas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job in a JVM of its own, as a scheduler runs it: with its own heap limit, and killable with SIGKILL.
 * It gets the test JVM's class path and Spark's add-opens file, and starts quickly ({@link ChildJvm#QUICK_START}); not
 * the test JVM's choice of BLAS, nor a BLAS thread limit from the environment.
 */
public final class JobProcess {
    private JobProcess() {
    }

    public static Process start(Path log, String heap, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(heap, args)).redirectErrorStream(true).redirectOutput(log.toFile());
        // The job chooses its BLAS itself (LocalBlas), whatever limit the shell that runs the tests has set.
        builder.environment().keySet().removeAll(LocalBlas.THREAD_LIMITS);
        return builder.start();
    }

    /** The command line that runs the job with {@code args}. */
    static List<String> command(String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildJvm.JAVA,
                "@" + Path.of("jobs/spark-jvm.args").toAbsolutePath(), "-Xmx" + heap));
        command.addAll(ChildJvm.QUICK_START);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "nl.newsthemes.ThemesJob"));
        command.addAll(List.of(args));
        return command;
    }
}
