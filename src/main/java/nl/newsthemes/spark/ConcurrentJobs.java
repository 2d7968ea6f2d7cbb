package nl.newsthemes.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of driver work, each of which submits Spark jobs, from a few threads at once, and gives
 * their results in the order they were listed.
 *
 * <p>Why: a Spark job on a small table costs far more in the driver (planning, code generation, scheduling, the
 * commit of its files) than in its tasks, and one job at a time leaves the cores idle while the driver does that
 * work. Jobs submitted from several threads overlap that work, on one machine and on a cluster alike (MLlib's
 * {@code CrossValidator} fits its models this way for the same reason). The results do not depend on the order the
 * pieces finish in: each one computes its own result.
 *
 * <p>A piece that fails does not stop the others: they run to their end, so that nothing is still writing when the
 * caller cleans up after the failure, and then the first failure in the listed order is thrown as it was, with the
 * later ones as its suppressed exceptions.
 */
public final class ConcurrentJobs {
    /** Pieces at once: enough to keep two cores busy between the jobs of one piece, few enough to bound memory. */
    public static final int DEFAULT_THREADS = 4;

    private ConcurrentJobs() {
    }

    /** {@link #run(List, int)} with {@link #DEFAULT_THREADS}. */
    public static <T> List<T> run(List<? extends Callable<T>> work) {
        return run(work, DEFAULT_THREADS);
    }

    /**
     * @param work    pieces of driver work, each independent of the others
     * @param threads pieces at once, at least 1
     * @return each piece's result, in the order of {@code work}
     */
    public static <T> List<T> run(List<? extends Callable<T>> work, int threads) {
        if (work.size() <= 1) {
            return work.stream().map(ConcurrentJobs::callHere).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(work.size(), Math.max(1, threads)));
        try {
            List<Future<T>> futures = pool.invokeAll(work);
            List<T> results = new ArrayList<>(futures.size());
            Throwable first = null;
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    // The later failures go with the first, so that none of them is lost.
                    if (first == null) {
                        first = e.getCause();
                    } else if (e.getCause() != first) {  // two pieces may fail with one shared exception
                        first.addSuppressed(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw rethrown(first);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark jobs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T callHere(Callable<T> piece) {
        try {
            return piece.call();
        } catch (Exception e) {
            throw rethrown(e);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause.getMessage(), cause);
    }
}
