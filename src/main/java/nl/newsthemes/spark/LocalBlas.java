package nl.newsthemes.spark;

import dev.ludovic.netlib.blas.BLAS;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a native BLAS from running threads of its own beside Spark's task threads when the job runs under a local
 * master: where the environment does not limit them, MLlib gets netlib's Java BLAS instead.
 *
 * <p>Why: MLlib's LDA (its training and its topic inference) does its linear algebra through netlib, which loads the
 * system's {@code libblas.so.3} where there is one. Where that is OpenBLAS's threaded build (which numpy and scipy
 * bring along), OpenBLAS keeps a pool of threads, one per core, that spin while they wait for work, unless
 * {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS} or {@code OMP_NUM_THREADS} limits them; Spark's task threads
 * already keep every core busy, and the two fight for the cores (README, "Performance", has the figures). Spark
 * gives the executor processes it launches {@code OMP_NUM_THREADS} set to {@code spark.task.cpus} (SPARK-41188), but
 * under a local master the tasks run in the driver's JVM, whose environment is fixed when it starts. On LDA's small
 * matrices netlib's Java BLAS is close to a single-threaded native one, and the job's outputs were the same bytes
 * with either.
 *
 * <p>A user who limits the threads, or sets netlib's property, keeps the choice. netlib reads its property once per
 * JVM, on its first use: a JVM that did linear algebra before the job started keeps the BLAS it chose then, which
 * {@link #choose} reports.
 */
public final class LocalBlas {
    /** The variables that limit OpenBLAS's threads, the first taking precedence. */
    public static final List<String> THREAD_LIMITS = List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS");

    private LocalBlas() {
    }

    /**
     * Under a local master, before any linear algebra: asks netlib for its Java BLAS unless {@code environment}
     * limits a native BLAS's threads or netlib's property is already set. Elsewhere it changes nothing.
     *
     * @return the BLAS that netlib gives MLlib's calls in this JVM (its class's simple name), and why
     */
    public static String choose(String master, Map<String, String> environment) {
        if (!isLocal(master)) {
            return "the cluster's: executors get OMP_NUM_THREADS from Spark";
        }
        String why = keptChoice(environment).orElseGet(() -> {
            System.setProperty(BLAS.ALLOW_NATIVE_BLAS, "false");
            return "no " + String.join(", ", THREAD_LIMITS) + " set: a native OpenBLAS would run a thread per core "
                    + "beside Spark's";
        });
        return BLAS.getInstance().getClass().getSimpleName() + " (" + why + ")";
    }

    /** Why netlib keeps its own choice, or empty where the job should ask for its Java BLAS. */
    static Optional<String> keptChoice(Map<String, String> environment) {
        String allowNative = System.getProperty(BLAS.ALLOW_NATIVE_BLAS);
        if (allowNative != null) {
            return Optional.of(BLAS.ALLOW_NATIVE_BLAS + "=" + allowNative + " is set");
        }
        for (String variable : THREAD_LIMITS) {
            String value = environment.get(variable);
            // OpenBLAS reads the value as a number and passes over one that is not positive.
            if (value != null && value.strip().matches("[1-9][0-9]*")) {
                return Optional.of(variable + "=" + value.strip() + " limits a native BLAS's threads");
            }
        }
        return Optional.empty();
    }

    /** Spark's local masters: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}. */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
