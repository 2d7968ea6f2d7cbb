package nl.newsthemes.reliability;

import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.OutputFiles;
import nl.newsthemes.SampleRun;
import nl.newsthemes.ThemesJob;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run killed with SIGKILL while it writes leaves the last published outputs whole; the next run cleans up. */
class KillTest {
    @AfterEach
    void noSessionLeft() {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    @Test
    void killDuringWriteLeavesThePublishedRunIntact(@TempDir Path dir) throws Exception {
        Path out = SampleRun.copyTo(SampleRun.oneClustering(), dir.resolve("out"));
        Map<String, String> published = contents(out);

        // The shared run's day: the rerun below gives the same tables (the topic registry carries the day).
        Process job = JobProcess.start(dir.resolve("killed.log"), "1g", "--input", "data/sample", "--output", out.toString(),
                "--master", "local[2]", "--run-date", SampleRun.RUN_DATE, "--config", OneClustering.config());
        Path staging = waitForStagingWrite(dir, job);
        job.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, job.exitValue());
        // The child had no BLAS thread limit (JobProcess): under its local master the job gave MLlib netlib's Java
        // BLAS (LocalBlas), not a native one's threads beside Spark's.
        String log = Files.readString(dir.resolve("killed.log"));
        assertTrue(log.matches("(?s).*ThemesJob: BLAS: (Java11|Java8|Vector)BLAS \\(no OPENBLAS_NUM_THREADS, "
                + "GOTO_NUM_THREADS, OMP_NUM_THREADS set: .*"), "the job's BLAS line");

        assertTrue(Files.isDirectory(staging), "the killed run's half-written staging folder is still there");
        assertTrue(Files.readString(dir.resolve(".out.lock")).contains("\"pid\":" + job.pid() + ","),
                "and its lock, which the next run takes over because the process is gone");
        assertEquals(published, contents(out), "the published run is whole and unchanged");

        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", "data/sample", "--output", out.toString(),
                "--run-date", SampleRun.RUN_DATE, "--config", OneClustering.config()}));
        assertFalse(Files.exists(staging), "the next run removed the stale staging folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("killed.log", "out"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Map<String, String> rerun = contents(out);
        assertNotEquals(published.get("manifest.json"), rerun.get("manifest.json"), "a new run was published");
        published.remove("manifest.json");
        rerun.remove("manifest.json");
        published.remove("report.md");
        rerun.remove("report.md");
        assertEquals(published, rerun, "and its tables are the same");
    }

    /**
     * An incremental run stages the published run's files as hard links: killing it while it rewrites months must
     * leave every published byte as it was, Parquet included, and the next incremental run must succeed.
     */
    @Test
    void killDuringAnIncrementalWriteLeavesThePublishedRunIntact(@TempDir Path dir) throws Exception {
        // The first night is the shared sample run; the second, the day after, adds an article of January 2022.
        Path out = SampleRun.copyTo(SampleRun.oneClustering(), dir.resolve("out"));
        String secondNight = java.time.LocalDate.parse(SampleRun.RUN_DATE).plusDays(1).toString();
        Map<String, String> published = OutputFiles.everyFile(out);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("new.txt"), " date 2022-01 De NAVO overweegt Oekraïne op termijn als lid op te nemen.");

        Process job = JobProcess.start(dir.resolve("killed.log"), "1g", "--input", "data/sample", in.toString(),
                "--output", out.toString(), "--incremental", "--master", "local[2]", "--run-date", secondNight,
                "--config", OneClustering.config());
        Path staging = waitForMonthRewrite(dir, job);
        job.destroyForcibly();
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        assertEquals(published, OutputFiles.everyFile(out), "every published file, Parquet and state included, is unchanged");

        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", "data/sample", in.toString(), "--output",
                out.toString(), "--incremental", "--run-date", secondNight, "--config", OneClustering.config()}));
        assertFalse(Files.exists(staging), "the next run removed the stale staging folder");
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"mode\" : \"incremental\""), manifest);
        assertTrue(manifest.contains("\"loaded\" : 6"), manifest);
    }

    /**
     * Waits (at most 3 minutes) until an incremental child rewrites a month in its staging folder (Spark's dynamic
     * overwrite: a {@code .spark-staging} folder in {@code documents}); returns that staging folder.
     */
    private static Path waitForMonthRewrite(Path dir, Process job) throws IOException, InterruptedException {
        // Two levels under dir: the staging folder's tables, where Spark makes its .spark-staging folder.
        return FileEvents.await(dir, 2, job, dir.resolve("killed.log"), Duration.ofMinutes(3), "started rewriting months",
                () -> {
                    try (Stream<Path> siblings = Files.list(dir)) {
                        for (Path p : siblings.toList()) {
                            if (p.getFileName().toString().startsWith(".out.staging-") && Files.isDirectory(p.resolve("documents"))) {
                                try (Stream<Path> inside = Files.list(p.resolve("documents"))) {
                                    if (inside.anyMatch(f -> f.getFileName().toString().startsWith(".spark-staging"))) {
                                        return Optional.of(p);
                                    }
                                } catch (java.nio.file.NoSuchFileException e) {
                                    // between Spark's delete and rename: the next event looks again
                                }
                            }
                        }
                    }
                    return Optional.empty();
                });
    }

    /** Waits (at most 3 minutes) until the child has started writing tables into its staging folder; returns that folder. */
    private static Path waitForStagingWrite(Path dir, Process job) throws IOException, InterruptedException {
        // One level under dir: the staging folder, where the table's folder appears.
        return FileEvents.await(dir, 1, job, dir.resolve("killed.log"), Duration.ofMinutes(3),
                "started writing tables into its staging folder", () -> {
                    try (Stream<Path> siblings = Files.list(dir)) {
                        return siblings.filter(p -> p.getFileName().toString().startsWith(".out.staging-")
                                && Files.isDirectory(p.resolve("theme_monthly"))).findFirst();
                    }
                });
    }

    /** The published CSVs and manifest, by name. */
    private static Map<String, String> contents(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> csv = Files.list(out.resolve("csv"))) {
            for (Path p : csv.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        files.put("manifest.json", Files.readString(out.resolve("manifest.json")));
        files.put("report.md", Files.readString(out.resolve("report.md")));
        return files;
    }
}
