package nl.newsthemes.spark;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LocalBlasTest {
    private String before;

    @BeforeEach
    void rememberProperty() {
        before = System.getProperty(LocalBlas.ALLOW_NATIVE);
        System.clearProperty(LocalBlas.ALLOW_NATIVE);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(LocalBlas.ALLOW_NATIVE);
        } else {
            System.setProperty(LocalBlas.ALLOW_NATIVE, before);
        }
    }

    @Test
    void withoutAThreadLimitNetlibIsAskedForItsJavaBlas() {
        assertEquals(Optional.empty(), LocalBlas.avoidThreadedNativeBlas(Map.of("PATH", "/usr/bin", "OMP_NUM_THREADS", " ")));
        assertEquals("false", System.getProperty(LocalBlas.ALLOW_NATIVE));
    }

    @Test
    void aThreadLimitOrTheUsersOwnChoiceIsKept() {
        assertEquals(Optional.of("OPENBLAS_NUM_THREADS=1 limits a native BLAS's threads"),
                LocalBlas.avoidThreadedNativeBlas(Map.of("OMP_NUM_THREADS", "4", "OPENBLAS_NUM_THREADS", "1")));
        assertEquals(Optional.of("OMP_NUM_THREADS=2 limits a native BLAS's threads"),
                LocalBlas.avoidThreadedNativeBlas(Map.of("OMP_NUM_THREADS", "2")));
        assertNull(System.getProperty(LocalBlas.ALLOW_NATIVE));

        System.setProperty(LocalBlas.ALLOW_NATIVE, "true");
        assertEquals(Optional.of("dev.ludovic.netlib.blas.allowNative=true is set"), LocalBlas.avoidThreadedNativeBlas(Map.of()));
        assertEquals("true", System.getProperty(LocalBlas.ALLOW_NATIVE));
    }

    /** In a JVM of its own, whose BLAS netlib has not chosen yet: what MLlib then gets. */
    @Test
    void netlibThenGivesMllibItsJavaBlas() throws IOException, InterruptedException {
        assertEquals("false java", probe(Map.of()));
        // With a limit, netlib chooses as it would without the job: the system's BLAS where there is one.
        assertEquals("null", probe(Map.of("OPENBLAS_NUM_THREADS", "1")).split(" ")[0]);
    }

    private static String probe(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        LocalBlas.THREAD_LIMITS.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), "the probe's exit code");
        return out;
    }

    /** Decides as the job does, then prints netlib's property and the kind of BLAS that MLlib's calls get. */
    static final class Probe {
        public static void main(String[] args) {
            LocalBlas.avoidThreadedNativeBlas(System.getenv());
            boolean java = dev.ludovic.netlib.blas.BLAS.getInstance() instanceof dev.ludovic.netlib.blas.JavaBLAS;
            System.out.println(System.getProperty(LocalBlas.ALLOW_NATIVE) + " " + (java ? "java" : "native"));
        }
    }
}
