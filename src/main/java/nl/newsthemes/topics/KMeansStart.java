package nl.newsthemes.topics;

import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.newsthemes.schema.Columns.CLUSTER;
import static nl.newsthemes.schema.Columns.COUNTS;
import static nl.newsthemes.schema.Columns.TFIDF;
import static org.apache.spark.sql.functions.col;

/**
 * Where online LDA starts: one topic per cluster that several k-means clusterings of the documents agree on (MLlib's
 * KMeans with cosine distance on TF-IDF, each seeded from the job's seed; see {@link RecurringClusters}), each
 * topic's word weights the word counts of its cluster's documents.
 *
 * <p>Why: from MLlib's random start, online LDA settles in a different local optimum for every seed; on
 * nl-news-2022 (20 topics) two seeds shared 4 to 10 of 20 topics at a similarity of 0.7, and topics mixed unrelated
 * subjects (mean NPMI 0.22 to 0.28). Started from one k-means clustering, two seeds shared 13 to 16 of 20 topics:
 * k-means on TF-IDF finds the big subjects in much the same way from most starts, and LDA then refines them instead
 * of having to separate them, but which mid-sized subjects get a cluster of their own depends on the seed. Started
 * from the clusters that recur in ten clusterings, three pairs of seeds shared 18, 19 and 20 of 20 (at a learning
 * offset of 1024, see {@code JobConfig}); from three clusterings 14 to 18. See {@code jobs/topics-bench.sh}.
 *
 * <p>The start is added to MLlib's own seeded random start (a Gamma(100, 1/100) weight per topic and word), so a
 * topic without a cluster (fewer documents than topics) still starts apart from the others.
 */
final class KMeansStart {
    /**
     * k-means iterations: the clusters only need to find the subjects, LDA refines them. On nl-news-2022, 10
     * iterations agreed across seeds as well as 20, in two thirds of the time.
     */
    static final int ITERATIONS = 10;

    /** Two clusters of different clusterings are one subject from this cosine similarity of their word counts. */
    static final double SAME_SUBJECT = 0.7;

    /** Clusterings run at once: enough to keep the cores of a small cluster busy between one clustering's jobs. */
    static final int CONCURRENT_CLUSTERINGS = 4;

    private KMeansStart() {
    }

    /**
     * @param training    documents with the {@code counts} column, each with at least one vocabulary word
     * @param clusterings k-means clusterings to agree on, each with its own seed drawn from {@code seed}
     * @return per topic (at most k, fewer when the documents are fewer or alike), the summed counts of its cluster
     */
    static Vector[] clusterCounts(Dataset<Row> training, int k, long seed, int clusterings) {
        Dataset<Row> weighted = new IDF().setInputCol(COUNTS).setOutputCol(TFIDF).fit(training).transform(training)
                // Cosine distance is undefined for a document whose every word is in every document (TF-IDF zero).
                .filter(TopicModel.NON_ZEROS.apply(col(TFIDF)).gt(0))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (weighted.isEmpty()) {
                return new Vector[0];
            }
            Random seeds = new Random(seed);
            List<Callable<Vector[]>> runs = new ArrayList<>();
            for (int run = 0; run < clusterings; run++) {
                long runSeed = seeds.nextLong();
                runs.add(() -> clusterCounts(weighted, k, runSeed));
            }
            return RecurringClusters.agree(concurrently(runs), k, SAME_SUBJECT);
        } finally {
            weighted.unpersist();
        }
    }

    /**
     * Runs the clusterings as concurrent Spark jobs, results in submission order. Each k-means is a chain of small
     * jobs, one per iteration, that waits for its slowest task: alone it leaves cores idle, on a small corpus most of
     * them, on a cluster all but one per partition (MLlib's CrossValidator fits its models concurrently for the
     * same reason). Each clustering is seeded, so the order they finish in changes nothing.
     */
    private static List<Vector[]> concurrently(List<Callable<Vector[]>> runs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(runs.size(), CONCURRENT_CLUSTERINGS));
        try {
            List<Vector[]> results = new ArrayList<>();
            for (Future<Vector[]> run : pool.invokeAll(runs)) {
                results.add(run.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while clustering the documents for the LDA start", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("k-means clustering for the LDA start failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Vector[] clusterCounts(Dataset<Row> weighted, int k, long seed) {
        KMeansModel clusters = new KMeans().setK(k).setSeed(seed).setMaxIter(ITERATIONS).setDistanceMeasure("cosine")
                .setFeaturesCol(TFIDF).setPredictionCol(CLUSTER).fit(weighted);
        Vector[] sums = new Vector[k];
        for (Row r : clusters.transform(weighted).groupBy(CLUSTER)
                .agg(Summarizer.sum(col(COUNTS)).as(COUNTS)).collectAsList()) {
            sums[r.getInt(0)] = r.getAs(1);
        }
        return sums;
    }

    /**
     * Adds the cluster counts to a start matrix of k rows (topics) and as many columns as words, stored column by
     * column (Breeze's layout, as MLlib's optimizer holds it).
     */
    static void addTo(double[] start, int k, Vector[] clusterCounts) {
        for (int topic = 0; topic < clusterCounts.length; topic++) {
            Vector counts = clusterCounts[topic];
            if (counts == null) {
                continue;
            }
            int row = topic;
            counts.foreachActive((word, count) -> {
                start[(Integer) word * k + row] += (Double) count;
                return null;
            });
        }
    }
}
