package nl.newsthemes.topics;

import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.newsthemes.schema.Columns.TERM;
import static nl.newsthemes.schema.Columns.WEIGHTS;

/**
 * Where a refit's online LDA starts when the previous model has as many topics: that model's topics as MLlib holds
 * them (each word's variational weight in each topic, not yet normalized), by word.
 *
 * <p>Why: the k-means start exists to find the corpus's subjects from nothing, the same way from any seed. A night
 * that has yesterday's topics already has them, so it refines them on tonight's articles instead of clustering
 * again; and a topic that starts where yesterday's ended is the same topic, so it keeps its id. Words are matched by
 * their stem (or phrase), so a vocabulary that changed since keeps the weights of the words it still has; a word new
 * to the vocabulary keeps MLlib's seeded random start, as every word does in a first fit.
 *
 * @param from    the run that fitted the model whose topics these are
 * @param k       the number of topics
 * @param terms   the words, in the order of {@code weights}
 * @param weights word by word, the word's weight in each of the k topics ({@code weights[word * k + topic]}); not to be
 *                changed
 */
public record TopicStart(String from, int k, List<String> terms, double[] weights) {
    private static final StructType SCHEMA = new StructType()
            .add(TERM, DataTypes.StringType, false)
            .add(WEIGHTS, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    public TopicStart {
        terms = List.copyOf(terms);
        if (weights.length != (long) terms.size() * k) {
            throw new IllegalArgumentException(weights.length + " weights for " + terms.size() + " words and " + k
                    + " topics");
        }
    }

    /** The topics of {@code model}, whose vocabulary is {@code terms}, fitted by run {@code from}. */
    public static TopicStart of(String from, TopicModel model, List<String> terms) {
        // MLlib's topics matrix has a row per word and a column per topic position.
        Matrix matrix = model.topicsMatrix();
        if (matrix.numRows() != terms.size()) {
            throw new IllegalArgumentException("a model of " + matrix.numRows() + " words with a vocabulary of " + terms.size());
        }
        int k = matrix.numCols();
        double[] weights = new double[terms.size() * k];
        for (int word = 0; word < terms.size(); word++) {
            for (int topic = 0; topic < k; topic++) {
                weights[word * k + topic] = matrix.apply(word, topic);
            }
        }
        return new TopicStart(from, k, terms, weights);
    }

    /**
     * Sets each word of {@code vocabulary} that this start has to its weights in {@code lambda}, a matrix of k rows
     * (topics) and a column per word stored column by column (Breeze's layout, as {@link OnlineLda} hands it to
     * MLlib's optimizer); the other words keep what {@code lambda} holds.
     */
    void copyInto(double[] lambda, List<String> vocabulary) {
        if (lambda.length != (long) vocabulary.size() * k) {
            throw new IllegalArgumentException("a start of " + k + " topics for a model of "
                    + lambda.length / Math.max(1, vocabulary.size()) + " topics");
        }
        Map<String, Integer> position = new HashMap<>();
        for (int word = 0; word < terms.size(); word++) {
            position.put(terms.get(word), word);
        }
        for (int word = 0; word < vocabulary.size(); word++) {
            Integer known = position.get(vocabulary.get(word));
            if (known != null) {
                System.arraycopy(weights, known * k, lambda, word * k, k);
            }
        }
    }

    /** Saves the weights as Parquet in {@code path} (term, weights: a row per word), replacing what is there. */
    public void save(SparkSession spark, String path) {
        List<Row> rows = new ArrayList<>();
        for (int word = 0; word < terms.size(); word++) {
            double[] row = new double[k];
            System.arraycopy(weights, word * k, row, 0, k);
            rows.add(RowFactory.create(terms.get(word), row));
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode("overwrite").parquet(path);
    }

    /**
     * A start saved with {@link #save} (by any run: the words are matched by name, not by their order), with as many
     * topics as its rows have weights.
     *
     * @throws IllegalArgumentException when it holds no word, or words with different numbers of weights
     */
    public static TopicStart read(SparkSession spark, String path, String from) {
        List<Row> rows = spark.read().schema(SCHEMA).parquet(path).collectAsList();
        if (rows.isEmpty()) {
            // A saved start has every word of its model's vocabulary: none means files that were lost.
            throw new IllegalArgumentException(path + " holds no word");
        }
        int k = rows.get(0).getList(1).size();
        List<String> terms = new ArrayList<>();
        double[] weights = new double[rows.size() * k];
        for (int word = 0; word < rows.size(); word++) {
            Row row = rows.get(word);
            terms.add(row.getString(0));
            List<Double> values = row.getList(1);
            if (values.size() != k) {
                throw new IllegalArgumentException(path + ": the word '" + row.getString(0) + "' has " + values.size()
                        + " weights, where '" + terms.get(0) + "' has " + k);
            }
            for (int topic = 0; topic < k; topic++) {
                weights[word * k + topic] = values.get(topic);
            }
        }
        return new TopicStart(from, k, terms, weights);
    }
}
