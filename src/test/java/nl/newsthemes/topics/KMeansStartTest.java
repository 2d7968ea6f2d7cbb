package nl.newsthemes.topics;

import nl.newsthemes.SparkTestBase;
import nl.newsthemes.features.Vocabulary;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KMeansStartTest extends SparkTestBase {
    @Test
    void threeClusteringsAgreeOnOneClusterPerStoryWithItsWordCounts() {
        Dataset<Row> docs = TopicModelTest.twoStories();
        Vocabulary v = Vocabulary.fit(docs, 40, 100, 2, 1.0);
        Dataset<Row> training = LdaInput.trainingSet(v.countVectorizer().transform(docs), 3);
        Vector[] clusters = KMeansStart.clusterCounts(training, 2, 7, 3);
        List<Map<String, Double>> byTerm = new ArrayList<>();
        for (Vector counts : clusters) {
            Map<String, Double> terms = new TreeMap<>();
            double[] values = counts.toArray();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != 0) {
                    terms.put(v.terms().get(i), values[i]);
                }
            }
            byTerm.add(terms);
        }
        // Every document of a story has each of its six words, and each story has 20 documents: each clustering finds
        // the two stories, and the mean of three clusters of 20 documents counts each word 20 times.
        Map<String, Double> sanctions = words(20.0, "embargo", "export", "gas", "olie", "rusland", "sancties");
        Map<String, Double> football = words(20.0, "ajax", "doelpunt", "stadion", "trainer", "voetbal", "wedstrijd");
        assertEquals(byTerm.get(0).containsKey("ajax") ? List.of(football, sanctions) : List.of(sanctions, football), byTerm);
        // Room for no clustering's sums at once: one pass per clustering, and the very same counts.
        assertEquals(List.of(clusters), List.of(KMeansStart.clusterCounts(training, 2, 7, 3, 1)));
        training.unpersist();
    }

    @Test
    void countsGoToTheirTopicRowInBreezesColumnOrder() {
        // 2 topics by 3 words, stored column by column: [t0w0, t1w0, t0w1, t1w1, t0w2, t1w2].
        double[] start = {1, 1, 1, 1, 1, 1};
        KMeansStart.addTo(start, 2, new Vector[]{null, Vectors.sparse(3, new int[]{0, 2}, new double[]{5, 7})});
        assertArrayEquals(new double[]{1, 6, 1, 1, 1, 8}, start);
    }

    private static Map<String, Double> words(double count, String... terms) {
        Map<String, Double> map = new TreeMap<>();
        for (String t : terms) {
            map.put(t, count);
        }
        return map;
    }
}
