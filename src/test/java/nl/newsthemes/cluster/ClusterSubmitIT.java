package nl.newsthemes.cluster;

import nl.newsthemes.OneClustering;
import nl.newsthemes.SampleRun;
import nl.newsthemes.reliability.FileEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spark-submit of the cluster jar to a real standalone cluster (a master and two workers on 127.0.0.1), one of whose
 * two executors is killed while the job writes its tables: it writes Delta Lake tables, and its CSV outputs equal a
 * local run's on the same input and seed. Runs after {@code package} (failsafe), which builds the cluster jar
 * and the class path file it reads the Spark jars from.
 */
class ClusterSubmitIT {
    @Test
    void clusterRunEqualsLocalRun(@TempDir Path dir) throws Exception {
        List<String> classPath = Arrays.asList(Files.readString(Path.of("target/local-classpath.txt")).strip()
                .split(java.io.File.pathSeparator));
        // The cluster has what a Spark distribution has: Spark and its dependencies, not the project's own (Lucene).
        List<String> sparkJars = classPath.stream().filter(j -> !j.contains("/org/apache/lucene/")).toList();
        Path clusterJar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            clusterJar = jars.filter(p -> p.getFileName().toString().endsWith("-cluster.jar")).findFirst().orElseThrow();
        }
        Path input = Path.of("data/sample").toAbsolutePath();
        Path clusterOut = dir.resolve("cluster-out");
        // One k-means clustering for the LDA start (each costs the cluster a few seconds): the tables, quality-gate
        // checks and report queries are still written and run as concurrent Spark jobs on the workers' executors.
        String config = OneClustering.config();

        try (StandaloneCluster cluster = new StandaloneCluster(sparkJars, dir, 2)) {
            assertClusterDeployModeHidesTheExitCode(cluster, clusterJar, dir);
            Process submit = cluster.startSubmit("submit", List.of("--deploy-mode", "client", "--class", "nl.newsthemes.ThemesJob",
                    "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                    clusterJar.toAbsolutePath().toString(),
                    "--input", input.toString(), "--output", clusterOut.toString(), "--config", config,
                    "--table-format", "delta", "--run-date", SampleRun.RUN_DATE));
            // An executor lost in the middle of the run: killed once the tables are being written, after LDA, when
            // both executors hold cached blocks and shuffle files the job still needs.
            awaitStagingWrite(dir, submit, cluster);
            List<ProcessHandle> executors = cluster.executorsOf(0);
            assertEquals(1, executors.size(), "worker 0 runs one executor: " + executors);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("--executor-id (\\d+)")
                    .matcher(executors.get(0).info().commandLine().orElse(""));
            assertTrue(id.find(), executors.get(0).info().toString());
            String killed = id.group(1);
            executors.get(0).destroyForcibly(); // SIGKILL

            int exit = cluster.await(submit, "submit");
            assertEquals(0, exit, cluster.log("submit"));
            assertTrue(cluster.log("submit").contains("news-themes: 5 articles (0 rejected)"), cluster.log("submit"));
            assertTrue(cluster.log("master").contains("Registering app news-themes"), cluster.log("master"));
            // The job's logging, not Spark's fallback: its own lines at INFO in its own layout, Spark's task lines not
            // at all (they are INFO; the job sets Spark's loggers to WARN).
            assertTrue(java.util.regex.Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO  stages: stage list ")
                    .matcher(cluster.log("submit")).find(), cluster.log("submit"));
            assertFalse(cluster.log("submit").contains("INFO DAGScheduler") || cluster.log("submit").contains("INFO  DAGScheduler")
                    || cluster.log("submit").contains("TaskSetManager: Finished task"), cluster.log("submit"));
            // The driver learns of the loss from the worker (exit code 137) or from the dropped connection, whichever is first.
            assertTrue(cluster.log("submit").contains("Lost executor " + killed + " on 127.0.0.1: "), cluster.log("submit"));
            // Worker 0 started another executor in the killed one's place. (How many executors ran in all is not
            // fixed: on a loaded machine the driver may also give up on an executor whose heartbeats are late.)
            List<String> onWorker0 = executorDirs(dir, 0);
            assertTrue(onWorker0.contains(killed) && onWorker0.size() >= 2, "executors of worker 0: " + onWorker0);
        }

        // Delta Lake tables, written by the executors and committed by the driver: version 0 of each.
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(clusterOut.resolve("manifest.json").toFile());
        assertEquals("delta", manifest.path("table_format").asText());
        for (String table : nl.newsthemes.schema.Tables.ALL) {
            assertTrue(Files.isRegularFile(clusterOut.resolve(table + "/_delta_log/00000000000000000000.json")), table);
            assertEquals(0, manifest.path("delta_versions").path(table).asLong(-1), table);
        }

        // The same input, config, seed and run date run locally (with Parquet tables): the shared sample run of this test JVM
        // (see SampleRun). The CSV files are the same in either format.
        Path localOut = SampleRun.oneClustering();
        for (String table : List.of("theme_monthly", "theme_source_monthly", "doc_themes", "topics", "topic_monthly",
                "doc_topics", "terms_monthly", "documents", "rejects", "input_files", "topic_registry", "topic_sweep")) {
            assertEquals(Files.readString(localOut.resolve("csv/" + table + ".csv")),
                    Files.readString(clusterOut.resolve("csv/" + table + ".csv")), table);
        }
    }

    /**
     * In cluster deploy mode on a standalone master the driver runs on a worker, and spark-submit's exit code is not
     * the job's: a run that exits 2 (a bad argument) still gives 0, also when spark-submit waits for the driver
     * (spark.standalone.submit.waitAppCompletion). Only the driver's state (FAILED) and its log tell. README, "Exit
     * codes on a cluster", says what a scheduler does about it.
     */
    private static void assertClusterDeployModeHidesTheExitCode(StandaloneCluster cluster, Path clusterJar, Path dir)
            throws Exception {
        int exit = cluster.submit("submit-cluster-mode", List.of("--deploy-mode", "cluster",
                "--conf", "spark.standalone.submit.waitAppCompletion=true", "--conf", "spark.driver.memory=512m",
                "--class", "nl.newsthemes.ThemesJob", clusterJar.toAbsolutePath().toString(), "--topics", "0"));
        assertEquals(0, exit, cluster.log("submit-cluster-mode"));
        java.util.regex.Matcher failed = java.util.regex.Pattern.compile("Driver (driver-[0-9-]+) exited with failure")
                .matcher(cluster.log("worker-0") + cluster.log("worker-1"));
        assertTrue(failed.find(), cluster.log("worker-0") + cluster.log("worker-1"));
        Path driverStderr;
        try (Stream<Path> found = Files.find(dir, 3, (p, a) -> p.endsWith(Path.of(failed.group(1), "stderr")))) {
            driverStderr = found.findFirst().orElseThrow();
        }
        assertTrue(Files.readString(driverStderr).contains("topics (--topics) must be from 2 to 500, got 0"), Files.readString(driverStderr));
    }

    /** Waits until the job has started writing tables into its staging folder. */
    private static void awaitStagingWrite(Path dir, Process submit, StandaloneCluster cluster) throws Exception {
        // One level under dir: the staging folder, where the table's folder appears.
        FileEvents.await(dir, 1, submit, () -> cluster.log("submit"), java.time.Duration.ofMinutes(8), "started writing",
                () -> {
                    try (Stream<Path> siblings = Files.list(dir)) {
                        return siblings.filter(p -> p.getFileName().toString().startsWith(".cluster-out.staging-")
                                && Files.isDirectory(p.resolve("theme_monthly"))).findFirst();
                    }
                });
    }

    /** The ids of the executors worker {@code worker} launched: each has a folder {@code work-<worker>/<app id>/<id>}. */
    private static List<String> executorDirs(Path dir, int worker) throws IOException {
        Path work = dir.resolve("work-" + worker);
        try (Stream<Path> executors = Files.walk(work, 2)) {
            return executors.filter(p -> p.getNameCount() - work.getNameCount() == 2 && Files.isDirectory(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
