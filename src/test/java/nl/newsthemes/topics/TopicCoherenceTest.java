package nl.newsthemes.topics;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.newsthemes.schema.Columns.COUNTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicCoherenceTest extends SparkTestBase {

    /** Four documents over five vocabulary words: {0,1}, {0,1,2}, {2}, {3}. Word 4 is in none. */
    private static Dataset<Row> fourDocuments() {
        int[][] docs = {{0, 1}, {0, 1, 2}, {2}, {3}};
        List<Row> rows = java.util.Arrays.stream(docs)
                .map(d -> RowFactory.create(Vectors.sparse(5, d, java.util.Arrays.stream(d).mapToDouble(i -> 2.0).toArray())))
                .toList();
        return spark.createDataFrame(rows, new StructType().add(COUNTS, SQLDataTypes.VectorType()));
    }

    @Test
    void meanNpmiOfEveryPairOfTopWords() {
        double[] scores = TopicCoherence.npmi(spark, fourDocuments(), 4, new int[][]{{0, 1}, {0, 2, 3}, {1, 2}, {0, 4}});
        // {0,1}: always together, P = 1/2 each and together: log(0.5 / 0.25) / -log 0.5 = 1.
        // {0,2,3}: (0,2) meet once, as chance says: 0; (0,3) and (2,3) never: -1 each; mean -2/3.
        // {1,2}: once, as chance says: 0. {0,4}: word 4 is in no document, so never with 0: -1.
        assertArrayEquals(new double[]{1.0, -0.666667, 0.0, -1.0}, scores);
    }

    @Test
    void npmiOfTwoWords() {
        assertEquals(-1.0, TopicCoherence.npmi(5, 5, 0, 10));
        assertEquals(1.0, TopicCoherence.npmi(10, 10, 10, 10));
        // P(a) = 0.5, P(b) = 0.2, P(a,b) = 0.1: independent.
        assertEquals(0.0, TopicCoherence.npmi(50, 20, 10, 100), 1e-12);
        // P(a) = P(b) = 0.2, P(a,b) = 0.1: log(0.1 / 0.04) / -log 0.1 = log 2.5 / log 10.
        assertEquals(Math.log(2.5) / Math.log(10), TopicCoherence.npmi(20, 20, 10, 100), 1e-12);
    }

    @Test
    void aDocumentCountsEachWordAndEachPairOnce() {
        assertEquals(List.of(TopicCoherence.key(1, 1), TopicCoherence.key(1, 3), TopicCoherence.key(3, 3)),
                TopicCoherence.pairKeys(Vectors.sparse(6, new int[]{1, 2, 3}, new double[]{4, 1, 1}), new int[]{1, 3, 5}));
        assertEquals(TopicCoherence.key(2, 7), TopicCoherence.key(7, 2));
    }
}
