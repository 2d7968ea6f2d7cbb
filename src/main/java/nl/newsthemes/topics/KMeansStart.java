package nl.newsthemes.topics;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.clustering.LocalKMeans$;
import org.apache.spark.mllib.clustering.VectorWithNorm;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static nl.newsthemes.schema.Columns.COUNTS;
import static nl.newsthemes.schema.Columns.DOC_ID;
import static nl.newsthemes.schema.Columns.TFIDF;
import static nl.newsthemes.schema.Columns.UNIT_TFIDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
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
 * <p>How: each clustering is MLlib's k-means as it runs on one machine ({@code LocalKMeans}: k-means++ seeding, then
 * Lloyd's iterations; MLlib's k-means|| runs it on its candidates), in two rounds (see {@link #cluster}), on TF-IDF
 * vectors scaled to unit length, so that its Euclidean distance ranks documents as cosine similarity does. It
 * clusters a sample of at most {@link #MAX_CLUSTERED_STORIES} stories, and each clustering is one Spark task over the
 * whole sample. Then one pass over every story counts its words in its closest cluster of each clustering.
 *
 * <p>Why not MLlib's distributed k-means: on a sample of a few thousand stories the clustering itself is a second's
 * work for one core, while each of its iterations costs a Spark job, a shuffle of k dense sums over the vocabulary
 * and a broadcast of k dense centers, and with k x k x words of a million or more a second job for the distances
 * between the centers: a cost that dwarfed the clustering's at any corpus size (README's "Topics"). {@code LocalKMeans}
 * is scoped to MLlib's package by Scala and exposed by the JVM, as are the optimizer methods {@link OnlineLda} calls;
 * {@code KMeansStartTest} fails if an upgrade of Spark changes it.
 *
 * <p>The start is added to MLlib's own seeded random start (a Gamma(100, 1/100) weight per topic and word), so a
 * topic without a cluster (fewer documents than topics) still starts apart from the others.
 */
final class KMeansStart {
    /**
     * Iterations of a clustering's second round, into k: the clusters only need to find the subjects, LDA refines
     * them; but clusterings stopped earlier still differ with their seed in which mid-sized subjects they settle on,
     * and fewer of their clusters recur (README's "Topics" gives the topics two seeds share at each setting).
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

    /** Small clusters per topic in a clustering's first round (see {@link #cluster}). */
    static final int CANDIDATES_PER_TOPIC = 4;

    /**
     * Iterations of the first round: its small clusters only have to be candidates, as k-means|| takes its candidates
     * without any, and each of its iterations costs as much as {@link #CANDIDATES_PER_TOPIC} of the second round's.
     */
    static final int CANDIDATE_ITERATIONS = 3;
    private static final long HASH_BUCKETS = 1_000_000;
    private static final String EUCLIDEAN = "euclidean";

    private KMeansStart() {
    }

    /**
     * @param training    documents with the {@code counts} column, each with at least one vocabulary word
     * @param clusterings k-means clusterings to agree on, each with its own seed drawn from {@code seed}
     * @return per topic (at most k, fewer when the documents are fewer or alike), the summed counts of its cluster
     */
    static Vector[] clusterCounts(Dataset<Row> training, int k, long seed, int clusterings) {
        return clusterCounts(training, k, seed, clusterings, SUM_BYTES_PER_TASK);
    }

    /** {@link #clusterCounts(Dataset, int, long, int)}, with the bytes of cluster sums a task may hold. */
    static Vector[] clusterCounts(Dataset<Row> training, int k, long seed, int clusterings, long sumBytesPerTask) {
        Dataset<Row> tfidf = new IDF().setInputCol(COUNTS).setOutputCol(TFIDF).fit(training).transform(training)
                // A document whose every word is in every document has a TF-IDF of zero, which has no unit length.
                .filter(LdaInput.NON_ZEROS.apply(col(TFIDF)).gt(0));
        // Scaled to unit length once, for the clusterings and for the pass that counts every story into them.
        Dataset<Row> weighted = new Normalizer().setInputCol(TFIDF).setOutputCol(UNIT_TFIDF).transform(tfidf)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long stories = weighted.count();
            if (stories == 0) {
                return new Vector[0];
            }
            // The sample in one partition as one list; each clustering's task reads it from the cache of the
            // weighted stories. Nothing of it comes to the driver, only each clustering's k centers.
            JavaRDD<List<VectorWithNorm>> sample = clustered(weighted, stories).select(UNIT_TFIDF).javaRDD()
                    .map(r -> new VectorWithNorm(Vectors.fromML(r.<Vector>getAs(0)))).coalesce(1).glom();
            Random seeds = new Random(seed);
            List<Integer> runSeeds = new ArrayList<>();
            for (int run = 0; run < clusterings; run++) {
                runSeeds.add(seeds.nextInt());
            }
            KMeansModel[] models = JavaSparkContext.fromSparkContext(weighted.sparkSession().sparkContext())
                    .parallelize(runSeeds, clusterings).cartesian(sample)
                    .map(run -> cluster(run._2(), k, run._1())).collect().toArray(KMeansModel[]::new);
            return RecurringClusters.agree(countsPerCluster(weighted, models, k, sumBytesPerTask), k, SAME_SUBJECT);
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
     * One clustering of the sample, in two rounds of {@code LocalKMeans}: the stories into
     * {@link #CANDIDATES_PER_TOPIC} times k small clusters ({@link #CANDIDATE_ITERATIONS} iterations), then those, each
     * weighted by its stories, into k ({@link #ITERATIONS} iterations at most). Why two: k-means++ seeds with stories
     * far from the centers chosen so far, which on news are odd ones out, and one round then leaves most stories in a
     * few broad clusters of general words. MLlib's k-means|| avoids that the same way, by clustering weighted
     * candidates into k.
     */
    private static KMeansModel cluster(List<VectorWithNorm> sample, int k, int runSeed) {
        VectorWithNorm[] stories = sample.toArray(VectorWithNorm[]::new);
        double[] once = new double[stories.length];
        Arrays.fill(once, 1.0);
        KMeansModel small = model(LocalKMeans$.MODULE$.kMeansPlusPlus(runSeed, stories, once,
                Math.min(CANDIDATES_PER_TOPIC * k, stories.length), CANDIDATE_ITERATIONS));
        double[] sizes = new double[small.k()];
        for (VectorWithNorm story : stories) {
            sizes[small.predict(story.vector())] += 1;
        }
        List<VectorWithNorm> candidates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] > 0) {
                // Sparse where the small cluster's words are few, as they mostly are: the second round then walks
                // their words, not the whole vocabulary, for each distance.
                candidates.add(new VectorWithNorm(small.clusterCenters()[c].compressed()));
                weights.add(sizes[c]);
            }
        }
        return model(LocalKMeans$.MODULE$.kMeansPlusPlus(runSeed, candidates.toArray(VectorWithNorm[]::new),
                weights.stream().mapToDouble(Double::doubleValue).toArray(), Math.min(k, candidates.size()),
                ITERATIONS));
    }

    private static KMeansModel model(VectorWithNorm[] centers) {
        return new KMeansModel(Arrays.stream(centers).map(VectorWithNorm::vector)
                .toArray(org.apache.spark.mllib.linalg.Vector[]::new), EUCLIDEAN, 0.0, ITERATIONS);
    }

    /**
     * Each story's word counts summed into its closest cluster of every clustering.
     *
     * <p>Summed as whole numbers in plain arrays, not with MLlib's {@code Summarizer}: its sum is a running mean times
     * the weight, whose rounding depends on the order of the rows and so on the partitioning, and its buffers carry
     * every other statistic's arrays too. Whole counts add up exactly in any order, so the start is the same however
     * the stories are partitioned. A task holds a dense array per cluster: when the clusterings' clusters over the
     * vocabulary would take more than {@code sumBytesPerTask}, it takes several passes, a few clusterings each.
     *
     * @return per clustering, per cluster, the summed word counts of its documents (null for an empty cluster)
     */
    private static List<Vector[]> countsPerCluster(Dataset<Row> weighted, KMeansModel[] models, int k,
                                                   long sumBytesPerTask) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(weighted.sparkSession().sparkContext());
        // The centers are dense vectors over the vocabulary: broadcast once rather than shipped with every task. (Dense
        // they stay: a sparse center of thousands of words would make each distance a walk over all of them.)
        Broadcast<KMeansModel[]> shared = context.broadcast(models);
        try {
            int words = models[0].clusterCenters()[0].size();
            long bytesPerClustering = (long) k * words * Double.BYTES;
            int perPass = (int) Math.max(1, Math.min(models.length, sumBytesPerTask / bytesPerClustering));
            // As few partitions as the cores that run them, so that few such arrays are made and sent.
            JavaRDD<Row> stories = weighted.coalesce(context.defaultParallelism()).select(UNIT_TFIDF, COUNTS).javaRDD();
            List<Vector[]> byClustering = new ArrayList<>();
            for (int run = 0; run < models.length; run++) {
                byClustering.add(new Vector[k]);
            }
            for (int first = 0; first < models.length; first += perPass) {
                int from = first;
                int to = Math.min(models.length, first + perPass);
                for (Tuple2<Integer, double[]> sum : stories
                        .mapPartitionsToPair(part -> sumPerCluster(part, shared.value(), from, to, k, words))
                        .reduceByKey(KMeansStart::addInto).collect()) {
                    Vector counts = org.apache.spark.ml.linalg.Vectors.dense(sum._2()).compressed();
                    byClustering.get(sum._1() / k)[sum._1() % k] = counts;
                }
            }
            return byClustering;
        } finally {
            shared.destroy();
        }
    }

    /** Bytes of cluster sums a task holds at most, where one clustering's fit (see {@link #countsPerCluster}). */
    static final long SUM_BYTES_PER_TASK = 128L << 20;

    /**
     * One partition's sums for clusterings {@code from} to {@code to} (exclusive), keyed by clustering x k + cluster,
     * for the clusters that have a story here.
     */
    private static Iterator<Tuple2<Integer, double[]>> sumPerCluster(Iterator<Row> stories, KMeansModel[] clusterings,
                                                                     int from, int to, int k, int words) {
        double[][] sums = new double[(to - from) * k][];
        while (stories.hasNext()) {
            Row story = stories.next();
            org.apache.spark.mllib.linalg.Vector point = Vectors.fromML(story.<Vector>getAs(0));
            SparseVector counts = story.<Vector>getAs(1).toSparse();
            int[] indices = counts.indices();
            double[] values = counts.values();
            for (int run = from; run < to; run++) {
                int slot = (run - from) * k + clusterings[run].predict(point);
                if (sums[slot] == null) {
                    sums[slot] = new double[words];
                }
                double[] sum = sums[slot];
                for (int i = 0; i < indices.length; i++) {
                    sum[indices[i]] += values[i];
                }
            }
        }
        List<Tuple2<Integer, double[]>> partial = new ArrayList<>();
        for (int slot = 0; slot < sums.length; slot++) {
            if (sums[slot] != null) {
                partial.add(new Tuple2<>(from * k + slot, sums[slot]));
            }
        }
        return partial.iterator();
    }

    private static double[] addInto(double[] sum, double[] more) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += more[i];
        }
        return sum;
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
