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
 * from the clusters that recur in three clusterings they share 16 to 17 of 20, from five 16 to 18. See
 * {@code jobs/topics-bench.sh}.
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
            List<Vector[]> runs = new ArrayList<>();
            for (int run = 0; run < clusterings; run++) {
                runs.add(clusterCounts(weighted, k, seeds.nextLong()));
            }
            return RecurringClusters.agree(runs, k, SAME_SUBJECT);
        } finally {
            weighted.unpersist();
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
