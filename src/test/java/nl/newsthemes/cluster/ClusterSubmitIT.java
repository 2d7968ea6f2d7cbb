package nl.newsthemes.cluster;

import nl.newsthemes.OneClustering;
import nl.newsthemes.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spark-submit of the cluster jar to a real standalone cluster (a master and two workers on 127.0.0.1): its outputs
 * equal a local run's on the same input and seed. Runs after {@code package} (failsafe), which builds the cluster jar
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
            int exit = cluster.submit(List.of("--deploy-mode", "client", "--class", "nl.newsthemes.ThemesJob",
                    "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                    clusterJar.toAbsolutePath().toString(),
                    "--input", input.toString(), "--output", clusterOut.toString(), "--config", config));
            assertEquals(0, exit, cluster.log("submit"));
            assertTrue(cluster.log("submit").contains("news-themes: 5 articles (0 rejected)"), cluster.log("submit"));
            assertTrue(cluster.log("master").contains("Registering app news-themes"), cluster.log("master"));
            // Two executors ran the job, one on each worker.
            assertEquals(2, countExecutorDirs(dir), cluster.log("submit"));
        }

        // The same input, config and seed run locally: the shared sample run of this test JVM (see SampleRun).
        Path localOut = SampleRun.oneClustering();
        for (String table : List.of("theme_monthly", "theme_source_monthly", "doc_themes", "topics", "topic_monthly",
                "doc_topics", "terms_monthly", "documents", "rejects", "input_files", "topic_registry", "topic_sweep")) {
            assertEquals(Files.readString(localOut.resolve("csv/" + table + ".csv")),
                    Files.readString(clusterOut.resolve("csv/" + table + ".csv")), table);
        }
    }

    private static long countExecutorDirs(Path dir) throws IOException {
        long count = 0;
        for (int i = 0; i < 2; i++) {
            try (Stream<Path> apps = Files.list(dir.resolve("work-" + i))) {
                count += apps.filter(Files::isDirectory).count();
            }
        }
        return count;
    }
}
