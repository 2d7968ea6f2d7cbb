package nl.newsthemes.topics;

import nl.newsthemes.features.Vocabulary;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.*;

/**
 * LDA topics with MLlib's online optimizer on term counts, always seeded.
 *
 * <p>Outputs: {@code topics} (topic, rank, term, weight, label: the top three words), {@code doc_topics} (doc_id,
 * month, dominant_topic, dominant_share, topic_distribution) and {@code topic_monthly} (month, topic, label,
 * mean_share, dominant_articles). Documents without a vocabulary word have no topic distribution: they are left out
 * of {@code doc_topics} and of the monthly means, and counted in the manifest.
 */
public final class TopicModel {
    /** Each online mini-batch should hold about this many documents, so small corpora are not fitted on crumbs. */
    static final int MIN_BATCH_DOCUMENTS = 256;
    /** Passes over the corpus that the mini-batches add up to, for corpora large enough to sample from. */
    static final double PASSES = 2.0;
    static final int LABEL_WORDS = 3;

    /** One row of the {@code topics} table. */
    public record TopicTerm(int topic, int rank, String term, double weight, String label) {
    }

    static final StructType TOPICS_SCHEMA = new StructType()
            .add(TOPIC, DataTypes.IntegerType, false)
            .add(RANK, DataTypes.IntegerType, false)
            .add(TERM, DataTypes.StringType, false)
            .add(WEIGHT, DataTypes.DoubleType, false)
            .add(LABEL, DataTypes.StringType, false);

    /** The schemas of doc_topics and topic_monthly, for the empty tables of a run that fitted no topics. */
    public static final StructType DOC_TOPICS_SCHEMA = new StructType()
            .add(DOC_ID, DataTypes.StringType).add(MONTH, DataTypes.StringType)
            .add(DOMINANT_TOPIC, DataTypes.IntegerType).add(DOMINANT_SHARE, DataTypes.DoubleType)
            .add(TOPIC_DISTRIBUTION, new org.apache.spark.sql.types.ArrayType(DataTypes.DoubleType, true));
    public static final StructType TOPIC_MONTHLY_SCHEMA = new StructType()
            .add(MONTH, DataTypes.StringType).add(TOPIC, DataTypes.IntegerType).add(LABEL, DataTypes.StringType)
            .add(MEAN_SHARE, DataTypes.DoubleType).add(DOMINANT_ARTICLES, DataTypes.LongType);

    /** An empty {@code topics} table. */
    public static Dataset<Row> noTopics(SparkSession spark) {
        return spark.createDataFrame(List.of(), TOPICS_SCHEMA);
    }

    private final LocalLDAModel model;
    private final List<String> labels;
    private final List<TopicTerm> topicTerms;
    private final double subsamplingRate;

    private TopicModel(LocalLDAModel model, List<String> labels, List<TopicTerm> topicTerms, double subsamplingRate) {
        this.model = model;
        this.labels = labels;
        this.topicTerms = topicTerms;
        this.subsamplingRate = subsamplingRate;
    }

    /** A model saved with {@link #saveLda} and described by {@link #topicTerms()}, as a later run loads it. */
    public static TopicModel restore(String ldaPath, List<TopicTerm> topicTerms, double subsamplingRate) {
        List<String> labels = new ArrayList<>();
        for (TopicTerm t : topicTerms) {
            if (t.rank() == 1) {
                labels.add(t.label());
            }
        }
        return new TopicModel(LocalLDAModel.load(ldaPath), List.copyOf(labels), List.copyOf(topicTerms), subsamplingRate);
    }

    /** Saves the fitted MLlib model (its topics matrix and settings) to {@code path}, replacing what is there. */
    public void saveLda(String path) {
        try {
            model.write().overwrite().save(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save the topic model to " + path + ": " + e.getMessage(), e);
        }
    }

    public List<TopicTerm> topicTerms() {
        return topicTerms;
    }

    /**
     * Fits K topics on the {@code counts} column of documents that have at least one vocabulary word.
     *
     * @param documents number of rows of {@code counted}
     */
    public static TopicModel fit(SparkSession spark, Dataset<Row> counted, long documents, int k, long seed,
                                 int maxIterations, double learningOffset, int topicTerms, Vocabulary vocabulary) {
        double rate = Math.min(1.0, Math.max(PASSES / maxIterations, (double) MIN_BATCH_DOCUMENTS / documents));
        LDA lda = new LDA()
                .setK(k)
                .setSeed(seed)
                .setOptimizer("online")
                .setMaxIter(maxIterations)
                .setSubsamplingRate(rate)
                .setLearningOffset(learningOffset)
                .setOptimizeDocConcentration(true)
                .setFeaturesCol(COUNTS)
                .setTopicDistributionCol(TOPIC_DISTRIBUTION);
        // The online optimizer always gives a LocalLDAModel, the kind that can be saved and loaded on its own.
        LocalLDAModel model = (LocalLDAModel) lda.fit(counted);
        List<Row> described = model.describeTopics(topicTerms).orderBy(TOPIC).collectAsList();
        List<TopicTerm> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Row topic : described) {
            int id = topic.getInt(0);
            List<Integer> indices = topic.getList(1);
            List<Double> weights = topic.getList(2);
            List<String> words = indices.stream().map(i -> vocabulary.surfaces().get(i)).toList();
            String label = String.join(" / ", words.subList(0, Math.min(LABEL_WORDS, words.size())));
            labels.add(label);
            for (int rank = 0; rank < words.size(); rank++) {
                rows.add(new TopicTerm(id, rank + 1, words.get(rank), round6(weights.get(rank)), label));
            }
        }
        return new TopicModel(model, List.copyOf(labels), List.copyOf(rows), rate);
    }

    /** The {@code topics} table: topic, rank, term, weight, label. */
    public Dataset<Row> topics(SparkSession spark) {
        List<Row> rows = topicTerms.stream()
                .map(t -> RowFactory.create(t.topic(), t.rank(), t.term(), t.weight(), t.label())).toList();
        return spark.createDataFrame(rows, TOPICS_SCHEMA);
    }

    public List<String> labels() {
        return labels;
    }

    public double subsamplingRate() {
        return subsamplingRate;
    }

    /** doc_id, month, dominant_topic, dominant_share, topic_distribution (shares rounded to 6 decimals). */
    public Dataset<Row> docTopics(Dataset<Row> counted) {
        Dataset<Row> distributions = model.transform(counted)
                .select(col(DOC_ID), col(MONTH), transform(vector_to_array(col(TOPIC_DISTRIBUTION), "float64"),
                        x -> round(x, 6)).as(TOPIC_DISTRIBUTION));
        return distributions.select(
                col(DOC_ID), col(MONTH),
                array_position(col(TOPIC_DISTRIBUTION), array_max(col(TOPIC_DISTRIBUTION))).minus(1).cast("int").as(DOMINANT_TOPIC),
                array_max(col(TOPIC_DISTRIBUTION)).as(DOMINANT_SHARE),
                col(TOPIC_DISTRIBUTION));
    }

    /** month, topic, label, mean_share, dominant_articles, from {@link #docTopics}. */
    public Dataset<Row> monthly(SparkSession spark, Dataset<Row> docTopics) {
        List<Row> labelRows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            labelRows.add(RowFactory.create(i, labels.get(i)));
        }
        Dataset<Row> labelTable = spark.createDataFrame(labelRows, new StructType()
                .add(TOPIC, DataTypes.IntegerType).add(LABEL, DataTypes.StringType));
        return docTopics.select(col(MONTH), col(DOMINANT_TOPIC), posexplode(col(TOPIC_DISTRIBUTION)).as(new String[]{TOPIC, SHARE}))
                .groupBy(MONTH, TOPIC)
                .agg(round(avg(SHARE), 6).as(MEAN_SHARE),
                        sum(when(col(DOMINANT_TOPIC).equalTo(col(TOPIC)), 1).otherwise(0)).cast("long").as(DOMINANT_ARTICLES))
                .join(broadcast(labelTable), TOPIC)
                .select(MONTH, TOPIC, LABEL, MEAN_SHARE, DOMINANT_ARTICLES);
    }

    static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TopicModel(k=%d)", labels.size());
    }

    private static final UserDefinedFunction NON_ZEROS =
            udf((UDF1<Vector, Integer>) Vector::numNonzeros, DataTypes.IntegerType);

    /**
     * The persisted documents LDA iterates over: those with a vocabulary word, in a partitioning and order that
     * depend only on the doc_ids (not on the cluster's cores), so that a seed gives the same model everywhere.
     */
    public static Dataset<Row> trainingSet(Dataset<Row> counted, int partitions) {
        return counted.filter(NON_ZEROS.apply(col(COUNTS)).gt(0))
                .repartition(partitions, col(DOC_ID))
                .sortWithinPartitions(DOC_ID)
                .persist(StorageLevel.MEMORY_AND_DISK());
    }
}
