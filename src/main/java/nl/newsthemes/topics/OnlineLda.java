package nl.newsthemes.topics;

import breeze.linalg.DenseMatrix;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.clustering.LDA;
import org.apache.spark.mllib.clustering.OnlineLDAOptimizer;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.List;

import static nl.newsthemes.schema.Columns.COUNTS;

/**
 * MLlib's online LDA (Hoffman et al.'s online variational Bayes), started from the previous model's topics
 * ({@link TopicStart}) or from {@link KMeansStart} when asked, on a cached RDD of the documents.
 *
 * <p>MLlib's {@code ml.clustering.LDA} has no parameter for a starting model, and its optimizer replaces any start
 * with a random one when it initializes. This class therefore runs the same steps as {@code mllib.clustering.LDA.run}
 * (initialize, replace the start, {@code next()} per iteration, {@code getLDAModel}) through the optimizer's
 * methods, which Scala scopes to MLlib's package but the JVM exposes. They are stable in Spark 4.2.0, the version the
 * pom pins; {@code TopicModelTest} fails if an upgrade changes them. The documents go to the optimizer as a
 * persisted {@code RDD[(Long, Vector)]}: {@code ml.clustering.LDA} maps the Dataset anew on every iteration.
 */
final class OnlineLda {
    private OnlineLda() {
    }

    /**
     * @param training       documents with the {@code counts} column, in a fixed partitioning and order
     * @param miniBatch      the share of the documents in each iteration's mini-batch
     * @param settings       iterations, learning offset, alpha and start (its passes are already in {@code miniBatch})
     * @param start          K topics to start from instead of the settings' start, or null
     * @param vocabulary     the words of the {@code counts} vectors, by index (for {@code start})
     */
    static LocalLDAModel fit(SparkSession spark, Dataset<Row> training, int k, long seed, double miniBatch,
                             LdaSettings settings, TopicStart start, List<String> vocabulary) {
        int iterations = settings.maxIterations();
        RDD<Tuple2<Object, org.apache.spark.mllib.linalg.Vector>> documents = training.select(COUNTS).javaRDD()
                .zipWithIndex()
                .map(d -> new Tuple2<Object, org.apache.spark.mllib.linalg.Vector>(d._2(), Vectors.fromML(d._1().<Vector>getAs(0))))
                .rdd()
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            OnlineLDAOptimizer optimizer = new OnlineLDAOptimizer()
                    .setMiniBatchFraction(miniBatch)
                    .setTau0(settings.learningOffset())
                    .setOptimizeDocConcentration(settings.optimizeAlpha());
            LDA lda = new LDA().setK(k).setSeed(seed).setMaxIterations(iterations).setOptimizer(optimizer);
            optimizer.initialize(documents, lda);
            if (start != null || settings.kmeansStart()) {
                DenseMatrix<Object> random = optimizer.getLambda();
                double[] lambda = ((double[]) random.data()).clone();
                if (start != null) {
                    start.copyInto(lambda, vocabulary);
                } else {
                    KMeansStart.addTo(lambda, k, KMeansStart.clusterCounts(training, k, seed, settings.clusterings()));
                }
                optimizer.setLambda(new breeze.linalg.DenseMatrix$mcD$sp(k, random.cols(), lambda));
            }
            for (int i = 0; i < iterations; i++) {
                optimizer.next();
            }
            org.apache.spark.mllib.clustering.LocalLDAModel fitted =
                    (org.apache.spark.mllib.clustering.LocalLDAModel) optimizer.getLDAModel(new double[iterations]);
            LocalLDAModel model = new LocalLDAModel(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("lda"),
                    fitted.vocabSize(), fitted, spark);
            model.setSeed(seed);
            return model;
        } finally {
            documents.unpersist(false);
        }
    }
}
