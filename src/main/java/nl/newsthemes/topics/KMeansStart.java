package nl.newsthemes.topics;

import nl.newsthemes.spark.ConcurrentJobs;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static nl.newsthemes.schema.Columns.CLUSTER;
import static nl.newsthemes.schema.Columns.CLUSTERING;
import static nl.newsthemes.schema.Columns.COUNTS;
import static nl.newsthemes.schema.Columns.DOC_ID;
import static nl.newsthemes.schema.Columns.TFIDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Where online LDA starts: one topic per cluster that several k-means clusterings of the documents agree on (each
 * seeded from the job's seed; see {@link RecurringClusters}), each topic's word weights the word counts of its
 * cluster's documents.
 *
 * <p>Why: from MLlib's random start, online LDA settles in a different local optimum for every seed, and topics mix
 * unrelated subjects. k-means on TF-IDF finds the big subjects in much the same way from most starts, so LDA refines
 * them instead of having to separate them; which mid-sized subjects get a cluster of their own still depends on the
 * seed of one clustering, and the clusters that recur across several clusterings do not. README's "Topics" gives the
 * topics two seeds share from each kind of start, as {@code jobs/topics-bench.sh} measures them.
 *
 * <p>How: each clustering is MLlib's k-means (k-means|| start, cosine distance on TF-IDF), called directly:
 * {@code ml.KMeans} would also compute a training summary and decide on its solver, each a pass over the data that
 * this start does not use. It clusters a sample of at most {@link #MAX_CLUSTERED_STORIES} stories, held in one
 * partition, and then one pass over every story counts its words in its closest cluster of each clustering.
 *
 * <p>The start is added to MLlib's own seeded random start (a Gamma(100, 1/100) weight per topic and word), so a
 * topic without a cluster (fewer documents than topics) still starts apart from the others.
 */
final class KMeansStart {
    /**
     * k-means iterations: the clusters only need to find the subjects, LDA refines them; but clusterings stopped
     * earlier still differ with their seed in which mid-sized subjects they settle on, and fewer of their clusters
     * recur (README's "Topics" gives the topics two seeds share at each setting).
     */
    static final int ITERATIONS = 20;

    /** Two clusters of different clusterings are one subject from this cosine similarity of their word counts. */
    static final double SAME_SUBJECT = 0.7;

    /**
     * Stories k-means clusters at most; every story is then counted in the cluster it is closest to. k-means only
     * has to find the subjects, which a few thousand stories hold as well as all of them, and its cost stays the
     * same as the corpus grows.
     */
    static final int MAX_CLUSTERED_STORIES = 5_000;
    private static final long HASH_BUCKETS = 1_000_000;
    private static final String COSINE = "cosine";

    /** Clusterings run at once: enough to keep the cores busy between one clustering's jobs. */
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
                .filter(LdaInput.NON_ZEROS.apply(col(TFIDF)).gt(0))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long stories = weighted.count();
            if (stories == 0) {
                return new Vector[0];
            }
            // k-means iterates over the vectors as objects, cached once for every clustering. A few thousand of them
            // make one partition: each iteration is then one task rather than one per partition of the corpus, each
            // of which sends back k dense sums over the vocabulary.
            JavaRDD<org.apache.spark.mllib.linalg.Vector> vectors = clustered(weighted, stories).select(TFIDF).javaRDD()
                    .map(r -> Vectors.fromML(r.<Vector>getAs(0))).coalesce(1)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            KMeansModel[] models;
            try {
                Random seeds = new Random(seed);
                List<Callable<KMeansModel>> runs = new ArrayList<>();
                for (int run = 0; run < clusterings; run++) {
                    long runSeed = seeds.nextLong();
                    runs.add(() -> new KMeans().setK(k).setSeed(runSeed).setMaxIterations(ITERATIONS)
                            .setDistanceMeasure(COSINE).run(vectors.rdd()));
                }
                // Each k-means is a chain of small jobs that leaves cores idle alone; each is seeded, so the order they
                // finish in changes nothing.
                models = ConcurrentJobs.run(runs, CONCURRENT_CLUSTERINGS).toArray(KMeansModel[]::new);
            } finally {
                vectors.unpersist(false);
            }
            return RecurringClusters.agree(countsPerCluster(weighted, models, k), k, SAME_SUBJECT);
        } finally {
            weighted.unpersist();
        }
    }

    /**
     * The stories k-means clusters: all of them up to {@link #MAX_CLUSTERED_STORIES}, else a sample of about that
     * many, chosen by a hash of the doc_id so that every seed and every night clusters the same ones.
     */
    private static Dataset<Row> clustered(Dataset<Row> weighted, long stories) {
        if (stories <= MAX_CLUSTERED_STORIES) {
            return weighted;
        }
        long kept = Math.round((double) HASH_BUCKETS * MAX_CLUSTERED_STORIES / stories);
        return weighted.filter(pmod(xxhash64(col(DOC_ID)), lit(HASH_BUCKETS)).lt(kept));
    }

    /**
     * One pass over the stories: each story's word counts summed into its closest cluster of every clustering.
     *
     * @return per clustering, per cluster, the summed word counts of its documents (null for an empty cluster)
     */
    private static List<Vector[]> countsPerCluster(Dataset<Row> weighted, KMeansModel[] models, int k) {
        // The centers are dense vectors over the vocabulary: broadcast once rather than shipped with every task.
        Broadcast<KMeansModel[]> shared = JavaSparkContext.fromSparkContext(weighted.sparkSession().sparkContext())
                .broadcast(models);
        try {
            UserDefinedFunction closest = udf((UDF1<Vector, int[]>) tfidf -> {
                org.apache.spark.mllib.linalg.Vector point = Vectors.fromML(tfidf);
                KMeansModel[] clusterings = shared.value();
                int[] clusters = new int[clusterings.length];
                for (int run = 0; run < clusterings.length; run++) {
                    clusters[run] = clusterings[run].predict(point);
                }
                return clusters;
            }, DataTypes.createArrayType(DataTypes.IntegerType, false));
            List<Vector[]> sums = new ArrayList<>();
            for (int run = 0; run < models.length; run++) {
                sums.add(new Vector[k]);
            }
            for (Row r : weighted.select(posexplode(closest.apply(col(TFIDF))).as(new String[]{CLUSTERING, CLUSTER}), col(COUNTS))
                    .groupBy(CLUSTERING, CLUSTER).agg(Summarizer.sum(col(COUNTS)).as(COUNTS)).collectAsList()) {
                sums.get(r.getInt(0))[r.getInt(1)] = r.getAs(2);
            }
            return sums;
        } finally {
            shared.destroy();
        }
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
