package nl.newsthemes.topics;

import nl.newsthemes.schema.Decimals;
import nl.newsthemes.features.Vocabulary;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * LDA topics with MLlib's online optimizer ({@link OnlineLda}) on which vocabulary terms each document has (see
 * features.Vocabulary), always seeded.
 *
 * <p>Outputs: {@code topics} (topic, rank, term, weight, label: the top three words; npmi, closest_theme,
 * theme_correlation once {@link #scored}), {@code doc_topics} (doc_id, month, dominant_topic, dominant_share,
 * topic_distribution) and {@code topic_monthly} (month, topic, label, mean_share, dominant_articles). A topic's
 * number in the outputs is its id ({@link #withIds}, see {@link TopicRegistry}), not its position in the MLlib model;
 * distributions list the topics in the order of their ids. A topic's words are ranked by {@link TopicTermRanking}.
 * Documents without a vocabulary word have no topic distribution: they are left out of {@code doc_topics} and of
 * the monthly means, and counted in the manifest.
 */
public final class TopicModel {
    /** Each online mini-batch should hold about this many documents, so small corpora are not fitted on crumbs. */
    static final int MIN_BATCH_DOCUMENTS = 256;
    static final int LABEL_WORDS = 3;

    /**
     * One row of the {@code topics} table: a term of a topic, and the topic's label, coherence ({@code npmi}) and
     * closest theme (null where none correlates), repeated on each of its rows so a reader needs no join.
     */
    public record TopicTerm(int topic, int rank, String term, double weight, String label, double npmi,
                            String closestTheme, Double themeCorrelation) {
        TopicTerm scored(double npmi, TopicThemes.Closest closest) {
            return new TopicTerm(topic, rank, term, weight, label, npmi,
                    closest == null ? null : closest.theme(), closest == null ? null : closest.correlation());
        }
    }

    private final LocalLDAModel model;
    private final List<String> labels;
    private final List<TopicTerm> topicTerms;
    private final double subsamplingRate;
    /** Per topic position, the vocabulary indices of its {@link TopicCoherence#TOP_WORDS} top words. */
    private final int[][] topWords;
    /** Per topic position in the MLlib model, the topic's id in the outputs (see {@link TopicRegistry}). */
    private final int[] ids;
    /**
     * The topics a refit of the night that made this model starts from, kept with the model so that a rerun of that
     * night starts where its first run did: those this model's fit started from or, after a {@code --topics auto}
     * sweep, those any of its fits started from; a reused model's own. Null when such a refit starts as a first fit
     * does, and in a loaded model.
     */
    private final TopicStart refitStart;

    private TopicModel(LocalLDAModel model, List<String> labels, List<TopicTerm> topicTerms, double subsamplingRate,
                       int[][] topWords, int[] ids, TopicStart refitStart) {
        this.model = model;
        this.labels = labels;
        this.topicTerms = topicTerms;
        this.subsamplingRate = subsamplingRate;
        this.topWords = topWords;
        this.ids = ids;
        this.refitStart = refitStart;
    }

    /**
     * A model saved with {@link #saveLda} and described by {@link #topicTerms()} (whose topics are ids), as a later
     * run loads it.
     *
     * @param ids the id of each topic position, as {@link #ids()} gave when it was saved
     */
    public static TopicModel restore(String ldaPath, List<TopicTerm> topicTerms, double subsamplingRate, int[] ids,
                                     double termRelevance) {
        Map<Integer, String> labelById = new HashMap<>();
        topicTerms.forEach(t -> labelById.put(t.topic(), t.label()));
        List<String> labels = Arrays.stream(ids).mapToObj(labelById::get).toList();
        LocalLDAModel model = LocalLDAModel.load(ldaPath);
        int[][] topWords = TopicTermRanking.top(model.topicsMatrix(), termRelevance, TopicCoherence.TOP_WORDS);
        return new TopicModel(model, labels, List.copyOf(topicTerms), subsamplingRate, topWords, ids.clone(), null);
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
     * @param start     the previous model's topics to start from (K of them), or null to start as the settings say
     */
    public static TopicModel fit(SparkSession spark, Dataset<Row> counted, long documents, int k, long seed,
                                 LdaSettings settings, TopicStart start, int topicTerms, double termRelevance,
                                 Vocabulary vocabulary) {
        // Mini-batches of passes / maxIterations of the corpus, so the iterations add up to that many passes.
        double rate = Math.min(1.0, Math.max(settings.passes() / settings.maxIterations(),
                (double) MIN_BATCH_DOCUMENTS / documents));
        LocalLDAModel model = OnlineLda.fit(spark, counted, k, seed, rate, settings, start, vocabulary.terms());
        model.setFeaturesCol(COUNTS).setTopicDistributionCol(TOPIC_DISTRIBUTION);
        org.apache.spark.ml.linalg.Matrix matrix = model.topicsMatrix();
        double[][] probability = TopicTermRanking.probabilities(matrix);
        int[][] ranked = TopicTermRanking.top(matrix, termRelevance, Math.max(topicTerms, TopicCoherence.TOP_WORDS));
        List<TopicTerm> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int[][] topWords = new int[k][];
        for (int id = 0; id < k; id++) {
            topWords[id] = Arrays.copyOf(ranked[id], Math.min(TopicCoherence.TOP_WORDS, ranked[id].length));
            List<String> words = Arrays.stream(ranked[id]).limit(topicTerms).mapToObj(i -> vocabulary.surfaces().get(i)).toList();
            String label = String.join(" / ", words.subList(0, Math.min(LABEL_WORDS, words.size())));
            labels.add(label);
            for (int rank = 0; rank < words.size(); rank++) {
                rows.add(new TopicTerm(id, rank + 1, words.get(rank), Decimals.round(probability[id][ranked[id][rank]]), label,
                        0.0, null, null));
            }
        }
        return new TopicModel(model, List.copyOf(labels), List.copyOf(rows), rate, topWords,
                java.util.stream.IntStream.range(0, k).toArray(), start);
    }

    /** See {@link #refitStart}. */
    public TopicStart refitStart() {
        return refitStart;
    }

    /** This model, with the topics a refit of its night starts from (see {@link #refitStart}). */
    public TopicModel withRefitStart(TopicStart start) {
        return new TopicModel(model, labels, topicTerms, subsamplingRate, topWords, ids, start);
    }

    /** The id of each topic position of the MLlib model. */
    public int[] ids() {
        return ids.clone();
    }

    /** The ids, ascending: the order of {@code topic_distribution}. */
    public int[] sortedIds() {
        return Arrays.stream(ids).sorted().toArray();
    }

    /** This model with its topics under the given ids (by position), in every table it makes. */
    public TopicModel withIds(int[] newIds) {
        Map<Integer, Integer> byOldId = new HashMap<>();
        for (int position = 0; position < ids.length; position++) {
            byOldId.put(ids[position], newIds[position]);
        }
        List<TopicTerm> rows = topicTerms.stream().map(t -> new TopicTerm(byOldId.get(t.topic()), t.rank(), t.term(),
                t.weight(), t.label(), t.npmi(), t.closestTheme(), t.themeCorrelation())).toList();
        return new TopicModel(model, labels, rows, subsamplingRate, topWords, newIds.clone(), refitStart);
    }

    /**
     * Each topic's distribution over the vocabulary's terms, by position: what {@link TopicMatching} compares
     * across models with different vocabularies.
     */
    public List<Map<String, Double>> termDistributions(List<String> terms) {
        List<Map<String, Double>> topics = new ArrayList<>();
        for (double[] probabilities : TopicTermRanking.probabilities(model.topicsMatrix())) {
            Map<String, Double> topic = new HashMap<>();
            for (int w = 0; w < probabilities.length; w++) {
                topic.put(terms.get(w), probabilities[w]);
            }
            topics.add(topic);
        }
        return topics;
    }

    /** MLlib's topics matrix: a row per vocabulary word, a column per topic position, not normalized. */
    org.apache.spark.ml.linalg.Matrix topicsMatrix() {
        return model.topicsMatrix();
    }

    /** Per topic, the vocabulary indices of its top {@link TopicCoherence#TOP_WORDS} words. */
    public int[][] topWords() {
        return topWords;
    }

    /**
     * This model with each topic's coherence and closest theme in its {@code topics} rows.
     *
     * @param npmi    by topic position
     * @param closest by topic id
     */
    public TopicModel scored(double[] npmi, Map<Integer, TopicThemes.Closest> closest) {
        Map<Integer, Double> npmiById = new HashMap<>();
        for (int position = 0; position < ids.length; position++) {
            npmiById.put(ids[position], npmi[position]);
        }
        List<TopicTerm> rows = topicTerms.stream()
                .map(t -> t.scored(npmiById.get(t.topic()), closest.get(t.topic()))).toList();
        return new TopicModel(model, labels, rows, subsamplingRate, topWords, ids, refitStart);
    }

    /**
     * MLlib's log perplexity bound per word (lower is better) on {@code sample}: a sample, because over the whole
     * corpus it costs more than the fit itself.
     */
    public double logPerplexity(Dataset<Row> sample) {
        return Decimals.round(model.logPerplexity(sample));
    }

    /** The {@code topics} table: topic, rank, term, weight, label. */
    public Dataset<Row> topics(SparkSession spark) {
        List<Row> rows = topicTerms.stream()
                .map(t -> RowFactory.create(t.topic(), t.rank(), t.term(), t.weight(), t.label(), t.npmi(),
                        t.closestTheme(), t.themeCorrelation())).toList();
        return spark.createDataFrame(rows, TopicTables.TOPICS);
    }

    public List<String> labels() {
        return labels;
    }

    public double subsamplingRate() {
        return subsamplingRate;
    }

    /**
     * doc_id, month, dominant_topic, dominant_share, topic_distribution: the shares (rounded to 6 decimals) in the
     * order of the topic ids, and the id of the largest.
     */
    public Dataset<Row> docTopics(Dataset<Row> counted) {
        int[] sorted = sortedIds();
        int[] positions = Arrays.stream(sorted).map(this::positionOf).toArray();
        Column sortedIds = array(Arrays.stream(sorted).mapToObj(functions::lit).toArray(Column[]::new));
        // One UDF call puts the shares in id order: a higher-order function over the model's output column would
        // have Spark's optimizer inline MLlib's inference into the lambda, and run it once per topic per document.
        Dataset<Row> distributions = model.transform(counted)
                .select(col(DOC_ID), col(MONTH), inIdOrder(positions).apply(col(TOPIC_DISTRIBUTION)).as(TOPIC_DISTRIBUTION));
        return distributions.select(
                col(DOC_ID), col(MONTH),
                element_at(sortedIds, array_position(col(TOPIC_DISTRIBUTION), array_max(col(TOPIC_DISTRIBUTION))).cast("int"))
                        .as(DOMINANT_TOPIC),
                array_max(col(TOPIC_DISTRIBUTION)).as(DOMINANT_SHARE),
                col(TOPIC_DISTRIBUTION));
    }

    /** The shares of a topic distribution at {@code positions}, rounded to 6 decimals. */
    private static UserDefinedFunction inIdOrder(int[] positions) {
        return udf((UDF1<Vector, double[]>) shares -> {
            double[] ordered = new double[positions.length];
            for (int i = 0; i < positions.length; i++) {
                ordered[i] = Decimals.round(shares.apply(positions[i]));
            }
            return ordered;
        }, DataTypes.createArrayType(DataTypes.DoubleType, false));
    }

    private int positionOf(int id) {
        for (int position = 0; position < ids.length; position++) {
            if (ids[position] == id) {
                return position;
            }
        }
        throw new IllegalArgumentException("no topic " + id);
    }

    /** month, topic, label, mean_share, dominant_articles, from {@link #docTopics}. */
    public Dataset<Row> monthly(SparkSession spark, Dataset<Row> docTopics) {
        List<Row> labelRows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            labelRows.add(RowFactory.create(ids[i], labels.get(i)));
        }
        Dataset<Row> labelTable = spark.createDataFrame(labelRows, new StructType()
                .add(TOPIC, DataTypes.IntegerType).add(LABEL, DataTypes.StringType));
        return TopicTables.topicShares(docTopics, sortedIds(), MONTH, DOMINANT_TOPIC)
                .groupBy(MONTH, TOPIC)
                .agg(Decimals.rounded(avg(SHARE)).as(MEAN_SHARE),
                        sum(when(col(DOMINANT_TOPIC).equalTo(col(TOPIC)), 1).otherwise(0)).cast("long").as(DOMINANT_ARTICLES))
                .join(broadcast(labelTable), TOPIC)
                .select(MONTH, TOPIC, LABEL, MEAN_SHARE, DOMINANT_ARTICLES);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TopicModel(k=%d)", labels.size());
    }
}
