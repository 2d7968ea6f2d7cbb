package nl.newsthemes.topics;

import org.apache.spark.ml.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TopicTermRankingTest {
    /** Three words, two topics of equal mass: p(w|0) = (0.6, 0.3, 0.1), p(w|1) = (0.6, 0.05, 0.35). */
    static final DenseMatrix TOPICS = new DenseMatrix(3, 2, new double[]{6, 3, 1, 6, 0.5, 3.5});

    @Test
    void probabilitiesPerTopic() {
        double[][] p = TopicTermRanking.probabilities(TOPICS);
        assertArrayEquals(new double[]{0.6, 0.3, 0.1}, p[0], 1e-12);
        assertArrayEquals(new double[]{0.6, 0.05, 0.35}, p[1], 1e-12);
    }

    @Test
    void relevanceMovesFromProbabilityToLift() {
        // lambda 1: by probability; word 0 leads both topics.
        assertArrayEquals(new int[][]{{0, 1, 2}, {0, 2, 1}}, TopicTermRanking.top(TOPICS, 1.0, 3));
        // lambda 0: by lift over p(w) = (0.6, 0.175, 0.225): word 1 is topic 0's (1.71), word 2 topic 1's (1.56).
        assertArrayEquals(new int[][]{{1, 0, 2}, {2, 0, 1}}, TopicTermRanking.top(TOPICS, 0.0, 3));
        // lambda 0.6: 0.6 log p + 0.4 log lift still puts the shared word first here.
        assertArrayEquals(new int[][]{{0, 1}, {0, 2}}, TopicTermRanking.top(TOPICS, 0.6, 2));
    }
}
