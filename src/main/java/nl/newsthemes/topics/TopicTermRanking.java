package nl.newsthemes.topics;

import org.apache.spark.ml.linalg.Matrix;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Which words stand for a topic: ranked by relevance (Sievert and Shirley, LDAvis, 2014),
 * {@code lambda * log p(w|t) + (1 - lambda) * log(p(w|t) / p(w))}, with p(w) the word's share over all topics.
 * At lambda 1 this is the plain ranking by probability, which puts the corpus's most frequent words at the top of
 * many topics; lower values lift the words that are frequent in the topic and rarer elsewhere. 0.6 is what readers
 * found easiest to interpret in that study. The weights in the outputs stay p(w|t).
 */
public final class TopicTermRanking {
    private TopicTermRanking() {
    }

    /** p(w|t): each column of MLlib's topics matrix (vocabulary x topics) divided by its sum, by [topic][word]. */
    public static double[][] probabilities(Matrix topics) {
        double[][] p = new double[topics.numCols()][topics.numRows()];
        for (int t = 0; t < topics.numCols(); t++) {
            double total = 0;
            for (int w = 0; w < topics.numRows(); w++) {
                total += topics.apply(w, t);
            }
            for (int w = 0; w < topics.numRows(); w++) {
                p[t][w] = topics.apply(w, t) / total;
            }
        }
        return p;
    }

    /**
     * @param lambda from 0 (lift only) to 1 (probability only)
     * @return per topic, the indices of its {@code n} most relevant words, most relevant first (ties by index)
     */
    public static int[][] top(Matrix topics, double lambda, int n) {
        double[][] p = probabilities(topics);
        int words = topics.numRows();
        // p(w): the topics' word distributions weighted by each topic's share of all word assignments.
        double[] mass = new double[p.length];
        double all = 0;
        for (int t = 0; t < p.length; t++) {
            for (int w = 0; w < words; w++) {
                mass[t] += topics.apply(w, t);
            }
            all += mass[t];
        }
        double[] marginal = new double[words];
        for (int t = 0; t < p.length; t++) {
            for (int w = 0; w < words; w++) {
                marginal[w] += p[t][w] * mass[t] / all;
            }
        }
        int[][] top = new int[p.length][];
        for (int t = 0; t < p.length; t++) {
            double[] relevance = new double[words];
            for (int w = 0; w < words; w++) {
                relevance[w] = lambda * Math.log(p[t][w]) + (1 - lambda) * Math.log(p[t][w] / marginal[w]);
            }
            top[t] = IntStream.range(0, words).boxed()
                    .sorted(Comparator.comparingDouble((Integer w) -> -relevance[w]).thenComparingInt(w -> w))
                    .limit(n).mapToInt(Integer::intValue).toArray();
        }
        return top;
    }
}
