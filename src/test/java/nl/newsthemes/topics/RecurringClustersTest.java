package nl.newsthemes.topics;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecurringClustersTest {
    // Three clusterings of documents over four words. Subject A (word 0) is in all three, subject B (word 1) in two,
    // subject C (word 2) in one.
    private static final Vector A0 = Vectors.dense(10, 0, 0, 0);
    private static final Vector B0 = Vectors.dense(0, 4, 0, 0);
    private static final Vector A1 = Vectors.dense(8, 0, 0, 1);  // cosine 0.99 to A0
    private static final Vector C1 = Vectors.dense(0, 0, 6, 0);
    private static final Vector A2 = Vectors.dense(12, 0, 0, 0);
    private static final Vector B2 = Vectors.dense(0, 6, 0, 0);

    @Test
    void theMostRecurringSubjectsComeFirstEachTheMeanOfItsClusters() {
        Vector[] agreed = RecurringClusters.agree(List.of(new Vector[]{A0, B0}, new Vector[]{A1, C1},
                new Vector[]{A2, B2}), 3, 0.7);
        assertEquals(List.of(
                        List.of(10.0, 0.0, 0.0, 1.0 / 3),  // A from all three: (10 + 8 + 12) / 3
                        List.of(0.0, 5.0, 0.0, 0.0),       // B from two: (4 + 6) / 2
                        List.of(0.0, 0.0, 6.0, 0.0)),      // C, found once, fills the last place
                values(agreed));
    }

    @Test
    void onlyKAreKeptAndEmptyClustersAreNone() {
        Vector[] two = RecurringClusters.agree(List.of(new Vector[]{A0, B0}, new Vector[]{A1, C1},
                new Vector[]{A2, B2}), 2, 0.7);
        assertEquals(List.of(List.of(10.0, 0.0, 0.0, 1.0 / 3), List.of(0.0, 5.0, 0.0, 0.0)), values(two));
        // Fewer documents than clusters leave clusters empty: then there are fewer than k.
        Vector[] fewer = RecurringClusters.agree(List.of(new Vector[]{A0, null, Vectors.zeros(4)},
                new Vector[]{A2, null, null}), 3, 0.7);
        assertEquals(List.of(List.of(11.0, 0.0, 0.0, 0.0)), values(fewer));
    }

    @Test
    void clustersBelowTheSimilarityAreDifferentSubjects() {
        // A1 and A0 have a cosine of 0.99: below a similarity of 0.995 each stays a subject of its own, largest first.
        Vector[] agreed = RecurringClusters.agree(List.of(new Vector[]{A0}, new Vector[]{A1}), 2, 0.995);
        assertEquals(List.of(List.of(10.0, 0.0, 0.0, 0.0), List.of(8.0, 0.0, 0.0, 1.0)), values(agreed));
    }

    private static List<List<Double>> values(Vector[] vectors) {
        return Arrays.stream(vectors).map(v -> Arrays.stream(v.toArray()).boxed().toList()).toList();
    }
}
