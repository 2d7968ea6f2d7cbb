import nl.newsthemes.ExitCode;
import nl.newsthemes.ThemesJob;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The job run ROUNDS times in one JVM, each run with a session of its own, as the tests run it: the first run pays
 * the JVM's class loading and just-in-time compilation, the later ones show what a run costs a warm JVM. Prints each
 * run's seconds. For jobs/bench.sh, which times the whole JVM (CPU seconds too) around it.
 * Usage: java @jobs/spark-jvm.args -cp CLASSPATH WarmRuns ROUNDS OUTPUT_FOLDER [JOB ARGUMENTS...]
 */
public final class WarmRuns {
    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        for (int round = 0; round < rounds; round++) {
            Path out = Path.of(args[1], "run-" + round);
            deleteTree(out);
            List<String> jobArgs = new ArrayList<>(List.of(args).subList(2, args.length));
            jobArgs.addAll(List.of("--output", out.toString()));
            long start = System.nanoTime();
            ExitCode exit = ThemesJob.run(jobArgs.toArray(String[]::new));
            System.out.printf(Locale.ROOT, "warm-runs: run %d %s in %.1f s%n", round + 1, exit, (System.nanoTime() - start) / 1e9);
            if (exit != ExitCode.DONE) {
                System.exit(1);
            }
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
