package nl.newsthemes.spark;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a native BLAS from running threads of its own beside Spark's task threads when the job runs in local mode:
 * where the environment does not limit them, MLlib gets netlib's Java BLAS instead.
 *
 * <p>Why: MLlib's LDA (training and topic inference) and k-means call BLAS through netlib, which loads the
 * system's {@code libblas.so.3} where there is one. Where that is OpenBLAS's threaded build (what numpy and scipy
 * bring along), every call starts a thread per core unless {@code OPENBLAS_NUM_THREADS} or {@code OMP_NUM_THREADS}
 * says otherwise, and Spark's task threads already keep every core busy: the two fight for them, and topic inference
 * takes more than twice as long (README, "Performance"). Spark gives the executor processes it launches
 * {@code OMP_NUM_THREADS} set to {@code spark.task.cpus} (SPARK-41188), but in local mode the tasks run in this JVM,
 * whose environment is fixed when it starts. netlib's Java BLAS is about as fast on LDA's small matrices, and the
 * job's outputs were the same bytes with either.
 *
 * <p>A user who sets either variable, or netlib's own property, keeps the choice. netlib reads the property once per
 * JVM, when MLlib first does linear algebra: a JVM that did so before the job started keeps the BLAS it chose then.
 */
public final class LocalBlas {
    /** netlib's switch: "false" skips the native library and uses its Java implementation. */
    static final String ALLOW_NATIVE = "dev.ludovic.netlib.blas.allowNative";
    /** The variables that limit OpenBLAS's threads, the first taking precedence. */
    static final List<String> THREAD_LIMITS = List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS");

    private LocalBlas() {
    }

    /**
     * In local mode, before any linear algebra: asks netlib for its Java BLAS unless {@code environment} limits a
     * native BLAS's threads or netlib's property is already set.
     *
     * @return why netlib keeps its own choice, or empty when the Java BLAS was asked for
     */
    public static Optional<String> avoidThreadedNativeBlas(Map<String, String> environment) {
        String allowNative = System.getProperty(ALLOW_NATIVE);
        if (allowNative != null) {
            return Optional.of(ALLOW_NATIVE + "=" + allowNative + " is set");
        }
        for (String variable : THREAD_LIMITS) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(variable + "=" + value + " limits a native BLAS's threads");
            }
        }
        System.setProperty(ALLOW_NATIVE, "false");
        return Optional.empty();
    }
}
