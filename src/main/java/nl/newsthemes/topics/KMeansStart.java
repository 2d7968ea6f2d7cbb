package nl.newsthemes.topics;

import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static nl.newsthemes.schema.Columns.CLUSTER;
import static nl.newsthemes.schema.Columns.COUNTS;
import static nl.newsthemes.schema.Columns.TFIDF;
import static org.apache.spark.sql.functions.col;

/**
 * Where online LDA starts: one topic per cluster of a k-means clustering of the documents (MLlib's KMeans with
 * cosine distance on TF-IDF, seeded), each topic's word weights the word counts of its cluster's documents.
 *
 * <p>Why: from MLlib's random start, online LDA settles in a different local optimum for every seed; on
 * nl-news-2022 (20 topics) two seeds shared 4 to 10 of 20 topics at a similarity of 0.7, and topics mixed unrelated
 * subjects (mean NPMI 0.22 to 0.28). Started from the clusters, two seeds share 14 to 16 of 20 topics and the mean
 * NPMI is 0.30 to 0.36, because k-means on TF-IDF finds the corpus's big subjects in much the same way from most
 * starts, and LDA then refines them instead of having to separate them. See {@code jobs/topics-bench.sh}.
 *
 * <p>The start is added to MLlib's own seeded random start (a Gamma(100, 1/100) weight per topic and word), so a
 * topic whose cluster came out empty still starts apart from the others.
 */
final class KMeansStart {
    /** k-means iterations: the clusters only need to find the big subjects, LDA refines them. */
    static final int ITERATIONS = 20;

    private KMeansStart() {
    }

    /**
     * @param training documents with the {@code counts} column, each with at least one vocabulary word
     * @return per cluster (0 to k - 1, possibly fewer when the documents are fewer or alike), the summed counts
     */
    static Vector[] clusterCounts(Dataset<Row> training, int k, long seed) {
        Dataset<Row> weighted = new IDF().setInputCol(COUNTS).setOutputCol(TFIDF).fit(training).transform(training)
                // Cosine distance is undefined for a document whose every word is in every document (TF-IDF zero).
                .filter(TopicModel.NON_ZEROS.apply(col(TFIDF)).gt(0));
        Vector[] sums = new Vector[k];
        if (weighted.isEmpty()) {
            return sums;
        }
        KMeansModel clusters = new KMeans().setK(k).setSeed(seed).setMaxIter(ITERATIONS).setDistanceMeasure("cosine")
                .setFeaturesCol(TFIDF).setPredictionCol(CLUSTER).fit(weighted);
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
