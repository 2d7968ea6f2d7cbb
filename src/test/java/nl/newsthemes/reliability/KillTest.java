package nl.newsthemes.reliability;

import nl.newsthemes.ExitCode;
import nl.newsthemes.ThemesJob;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Path out = dir.resolve("out");
        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", "data/sample", "--output", out.toString()}));
        Map<String, String> published = contents(out);

        Process job = JobProcess.start(dir.resolve("killed.log"), "1g", "--input", "data/sample", "--output", out.toString(),
                "--master", "local[2]");
        Path staging = waitForStagingWrite(dir, job);
        job.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        assertNotEquals(0, job.exitValue());

        assertTrue(Files.isDirectory(staging), "the killed run's half-written staging folder is still there");
        assertEquals(published, contents(out), "the published run is whole and unchanged");

        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", "data/sample", "--output", out.toString()}));
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

    /** Waits until the child has started writing tables into its staging folder; returns that folder. */
    private static Path waitForStagingWrite(Path dir, Process job) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertTrue(job.isAlive(), "the job ended before it wrote: " + Files.readString(dir.resolve("killed.log")));
            try (Stream<Path> siblings = Files.list(dir)) {
                for (Path p : siblings.toList()) {
                    if (p.getFileName().toString().startsWith(".out.staging-") && Files.isDirectory(p.resolve("theme_monthly"))) {
                        return p;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job did not start writing in 3 minutes");
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
