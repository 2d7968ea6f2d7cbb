package nl.newsthemes.topics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicMatchingTest {
    static final Map<String, Double> WAR = Map.of("rusland", 0.5, "oekraïne", 0.4, "leger", 0.1);
    static final Map<String, Double> GAS = Map.of("gas", 0.6, "groningen", 0.3, "rusland", 0.1);
    static final Map<String, Double> SPORT = Map.of("ajax", 0.7, "wedstrijd", 0.3);

    @Test
    void cosineOfTermDistributions() {
        assertEquals(1.0, TopicMatching.cosine(WAR, WAR), 1e-12);
        assertEquals(0.0, TopicMatching.cosine(WAR, SPORT));
        // 0.5 * 0.1 / (sqrt(0.42) * sqrt(0.46))
        assertEquals(0.05 / Math.sqrt(0.42 * 0.46), TopicMatching.cosine(WAR, GAS), 1e-12);
    }

    @Test
    void theMatchingWithTheLargestTotalSimilarityWins() {
        // The new topic 0 is a war topic with some gas; topic 1 is gas. Greedy on topic 0 alone would give it
        // the gas topic's id only if that were its best; the optimum pairs war with war and gas with gas.
        Map<String, Double> warAndGas = Map.of("rusland", 0.45, "oekraïne", 0.3, "gas", 0.25);
        Map<Integer, TopicMatching.Match> matches = TopicMatching.match(Map.of(7, WAR, 9, GAS),
                List.of(warAndGas, GAS, SPORT), 0.5);
        assertEquals(Map.of(
                        // 0.345 / sqrt(0.355 * 0.42), to six places
                        0, new TopicMatching.Match(0, 7, 0.893471),
                        1, new TopicMatching.Match(1, 9, 1.0)),
                matches);
    }

    @Test
    void aPairBelowTheLeastSimilarityIsNoMatch() {
        assertEquals(Map.of(), TopicMatching.match(Map.of(3, WAR), List.of(GAS), 0.5));
        // 0.05 / sqrt(0.46 * 0.42), to six places
        assertEquals(Map.of(0, new TopicMatching.Match(0, 3, 0.113754)),
                TopicMatching.match(Map.of(3, WAR), List.of(GAS), 0.05));
    }
}
