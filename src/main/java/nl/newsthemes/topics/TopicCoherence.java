package nl.newsthemes.topics;

import nl.newsthemes.schema.Decimals;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static nl.newsthemes.schema.Columns.COUNTS;
import static org.apache.spark.sql.functions.col;

/**
 * Document-level NPMI of each topic's top words: how much more often two of a topic's words share a document than
 * chance says, from -1 (never together) over 0 (independent) to 1 (always together). Readable topics score 0.3 to
 * 0.6; topics of filler words near 0. For two words with P(w) the share of documents containing w and P(a,b) the
 * share containing both: NPMI = log(P(a,b) / (P(a) P(b))) / -log P(a,b), and -1 when they never meet; a topic's
 * score is the mean over every pair of its top words.
 *
 * <p>Counted in Spark over the modelled documents' vocabulary terms (stems and phrases, as the model sees them): each
 * document emits the pairs of top words it holds, and only those few thousand counts reach the driver.
 */
public final class TopicCoherence {
    /** Top words per topic that coherence is measured on, as in the literature and the benchmark. */
    public static final int TOP_WORDS = 10;

    private TopicCoherence() {
    }

    /**
     * @param counted   documents with a {@code counts} vector over the vocabulary
     * @param documents number of rows of {@code counted}
     * @param topWords  per topic, the vocabulary indices of its top words
     * @return per topic, the mean NPMI of its word pairs (rounded to 6 decimals)
     */
    public static double[] npmi(SparkSession spark, Dataset<Row> counted, long documents, int[][] topWords) {
        int[] words = Arrays.stream(topWords).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        Broadcast<int[]> wanted = spark.sparkContext().broadcast(words, scala.reflect.ClassTag$.MODULE$.apply(int[].class));
        Dataset<Long> keys = counted.select(col(COUNTS)).flatMap(
                (FlatMapFunction<Row, Long>) row -> pairKeys(row.<Vector>getAs(0), wanted.value()).iterator(), Encoders.LONG());
        Map<Long, Long> counts = new HashMap<>();
        for (Row r : keys.groupBy("value").count().collectAsList()) {
            counts.put(r.getLong(0), r.getLong(1));
        }
        wanted.destroy();
        double[] scores = new double[topWords.length];
        for (int t = 0; t < topWords.length; t++) {
            scores[t] = Decimals.round(meanNpmi(topWords[t], counts, documents));
        }
        return scores;
    }

    /** The mean NPMI over all pairs of {@code words}, from document counts of words and pairs ({@link #key}). */
    static double meanNpmi(int[] words, Map<Long, Long> counts, long documents) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < words.length; i++) {
            for (int j = i + 1; j < words.length; j++) {
                sum += npmi(counts.getOrDefault(key(words[i], words[i]), 0L),
                        counts.getOrDefault(key(words[j], words[j]), 0L),
                        counts.getOrDefault(key(words[i], words[j]), 0L), documents);
                pairs++;
            }
        }
        return pairs == 0 ? 0.0 : sum / pairs;
    }

    /** NPMI of two words from the documents that hold a, b, both, and all documents. */
    static double npmi(long a, long b, long both, long documents) {
        if (both == 0) {
            return -1.0;
        }
        if (both == documents) {
            return 1.0; // both words in every document: -log P(a,b) is 0, and they are as together as can be
        }
        double pab = (double) both / documents;
        double pa = (double) a / documents;
        double pb = (double) b / documents;
        return Math.log(pab / (pa * pb)) / -Math.log(pab);
    }

    /** One key per unordered pair of word indices; a word's own count is the pair (w, w). */
    static long key(int a, int b) {
        return a <= b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** The keys a document counts toward: each wanted word it holds, and each pair of them. */
    static List<Long> pairKeys(Vector counts, int[] wanted) {
        int[] indices = counts instanceof SparseVector sparse ? sparse.indices() : nonZeros(counts);
        TreeSet<Integer> present = new TreeSet<>();
        for (int index : indices) {
            if (Arrays.binarySearch(wanted, index) >= 0) {
                present.add(index);
            }
        }
        Integer[] held = present.toArray(Integer[]::new);
        List<Long> keys = new ArrayList<>(held.length * (held.length + 1) / 2);
        for (int i = 0; i < held.length; i++) {
            for (int j = i; j < held.length; j++) {
                keys.add(key(held[i], held[j]));
            }
        }
        return keys;
    }

    private static int[] nonZeros(Vector counts) {
        return java.util.stream.IntStream.range(0, counts.size()).filter(i -> counts.apply(i) != 0).toArray();
    }
}
