package nl.newsthemes.spark;

import dev.ludovic.netlib.blas.BLAS;
import nl.newsthemes.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalBlasTest {
    private String before;

    @BeforeEach
    void clearProperty() {
        before = System.getProperty(BLAS.ALLOW_NATIVE_BLAS);
        System.clearProperty(BLAS.ALLOW_NATIVE_BLAS);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(BLAS.ALLOW_NATIVE_BLAS);
        } else {
            System.setProperty(BLAS.ALLOW_NATIVE_BLAS, before);
        }
    }

    @Test
    void onlyAPositiveThreadLimitOrTheUsersOwnPropertyKeepsNetlibsChoice() {
        assertEquals(Optional.empty(), LocalBlas.keptChoice(Map.of("PATH", "/usr/bin", "OMP_NUM_THREADS", " ",
                "GOTO_NUM_THREADS", "0", "OPENBLAS_NUM_THREADS", "all")));
        assertEquals(Optional.of("OPENBLAS_NUM_THREADS=1 limits a native BLAS's threads"),
                LocalBlas.keptChoice(Map.of("OMP_NUM_THREADS", "4", "OPENBLAS_NUM_THREADS", " 1")));
        assertEquals(Optional.of("OMP_NUM_THREADS=2 limits a native BLAS's threads"),
                LocalBlas.keptChoice(Map.of("OMP_NUM_THREADS", "2", "GOTO_NUM_THREADS", "0")));
        System.setProperty(BLAS.ALLOW_NATIVE_BLAS, "true");
        assertEquals(Optional.of("dev.ludovic.netlib.blas.allowNative=true is set"), LocalBlas.keptChoice(Map.of()));
    }

    @Test
    void onlyALocalMasterRunsTasksInTheDriversJvm() {
        for (String master : List.of("local", "local[2]", "local[*]", "local[2,3]")) {
            assertTrue(LocalBlas.isLocal(master), master);
        }
        for (String master : List.of("local-cluster[2,1,1024]", "spark://127.0.0.1:7077", "yarn", "k8s://https://api:6443")) {
            assertFalse(LocalBlas.isLocal(master), master);
        }
        assertEquals("the cluster's: executors get OMP_NUM_THREADS from Spark",
                LocalBlas.choose("spark://127.0.0.1:7077", Map.of()));
        assertNull(System.getProperty(BLAS.ALLOW_NATIVE_BLAS), "a cluster's driver is left as it is");
    }

    /** In a JVM of its own, whose BLAS netlib has not chosen yet: what MLlib's calls then get. */
    @Test
    void withoutALimitMllibGetsNetlibsJavaBlas(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException, InterruptedException {
        List<String> unlimited = probe(dir, Map.of());
        assertEquals(List.of("false", "java"), unlimited.subList(0, 2));
        assertTrue(unlimited.get(2).matches("(Java11|Java8|Vector)BLAS \\(no OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, "
                + "OMP_NUM_THREADS set: .*\\)"), unlimited.get(2));
        // With a limit netlib chooses as it would without the job: the system's BLAS where there is one.
        List<String> limited = probe(dir, Map.of("OPENBLAS_NUM_THREADS", "1"));
        assertEquals("null", limited.get(0));
        assertTrue(limited.get(2).endsWith("(OPENBLAS_NUM_THREADS=1 limits a native BLAS's threads)"), limited.get(2));
    }

    /** The probe's three lines: netlib's property, the kind of BLAS MLlib gets, what {@link LocalBlas#choose} said. */
    private static List<String> probe(Path dir, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.JAVA));
        command.addAll(ChildJvm.QUICK_START);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("probe.err").toFile());
        builder.environment().keySet().removeAll(LocalBlas.THREAD_LIMITS);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe ends");
        assertEquals(0, process.exitValue(), () -> "the probe failed: " + readQuietly(dir.resolve("probe.err")));
        return out.lines().toList();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static final class Probe {
        public static void main(String[] args) {
            String chosen = LocalBlas.choose("local[*]", System.getenv());
            System.out.println(System.getProperty(BLAS.ALLOW_NATIVE_BLAS));
            System.out.println(BLAS.getInstance() instanceof dev.ludovic.netlib.blas.JavaBLAS ? "java" : "native");
            System.out.println(chosen);
        }
    }
}
