package nl.newsthemes.topics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicRegistryTest {

    @Test
    void aFirstModelNumbersItsTopicsFromZero() {
        TopicRegistry.Assigned first = TopicRegistry.empty().assign(List.of("a / b / c", "d / e / f"), Map.of(), "2022-03-01");
        assertArrayEquals(new int[]{0, 1}, first.ids());
        assertEquals(List.of(
                        new TopicRegistry.Entry(0, "a / b / c", "active", "2022-03-01", "2022-03-01", null),
                        new TopicRegistry.Entry(1, "d / e / f", "active", "2022-03-01", "2022-03-01", null)),
                first.registry().entries());
    }

    @Test
    void matchedTopicsKeepTheirIdsNewOnesGetNewIdsAndUnmatchedOnesVanish() {
        TopicRegistry before = TopicRegistry.empty().assign(List.of("war", "gas", "sport"), Map.of(), "2022-03-01").registry();
        // Position 0 continues topic 2, position 2 continues topic 0; topic 1 is not matched; position 1 is new.
        TopicRegistry.Assigned next = before.assign(List.of("sport / ajax", "weather", "war / oekraïne"),
                Map.of(0, new TopicMatching.Match(0, 2, 0.91), 2, new TopicMatching.Match(2, 0, 0.8)), "2022-03-08");
        assertArrayEquals(new int[]{2, 3, 0}, next.ids());
        assertEquals(List.of(
                        new TopicRegistry.Entry(0, "war / oekraïne", "active", "2022-03-01", "2022-03-08", 0.8),
                        new TopicRegistry.Entry(1, "gas", "vanished", "2022-03-01", "2022-03-01", null),
                        new TopicRegistry.Entry(2, "sport / ajax", "active", "2022-03-01", "2022-03-08", 0.91),
                        new TopicRegistry.Entry(3, "weather", "active", "2022-03-08", "2022-03-08", null)),
                next.registry().entries());
        // A vanished id is never given again: the next new topic is 4.
        TopicRegistry.Assigned third = next.registry().assign(List.of("war"), Map.of(0, new TopicMatching.Match(0, 0, 0.95)),
                "2022-03-15");
        assertEquals(List.of(0, 1, 2, 3), third.registry().entries().stream().map(TopicRegistry.Entry::topic).toList());
        assertEquals(List.of("active", "vanished", "vanished", "vanished"),
                third.registry().entries().stream().map(TopicRegistry.Entry::status).toList());
        assertArrayEquals(new int[]{4}, next.registry().assign(List.of("new"), Map.of(), "2022-03-15").ids());
    }

    @Test
    void aRerunOfTheSameNightKeepsWhatItsFirstRunRecorded() {
        TopicRegistry first = TopicRegistry.empty().assign(List.of("war"), Map.of(), "2022-03-01").registry();
        TopicRegistry second = first.assign(List.of("war"), Map.of(0, new TopicMatching.Match(0, 0, 0.8)), "2022-03-02").registry();
        // The retry of 2022-03-02 matches the model of 2022-03-02 with itself (1.0) and keeps 0.8; so does a reuse.
        assertEquals(second.entries(),
                second.assign(List.of("war"), Map.of(0, new TopicMatching.Match(0, 0, 1.0)), "2022-03-02").registry().entries());
        assertEquals(second.entries(), second.seenAgain("2022-03-02").entries());
        assertEquals(first.entries(),
                first.assign(List.of("war"), Map.of(0, new TopicMatching.Match(0, 0, 1.0)), "2022-03-01").registry().entries());
        assertEquals(first.entries(), first.seenAgain("2022-03-01").entries());
    }

    @Test
    void aReuseSeesTheActiveTopicsAgain() {
        TopicRegistry before = TopicRegistry.empty().assign(List.of("war"), Map.of(), "2022-03-01").registry();
        assertEquals(List.of(new TopicRegistry.Entry(0, "war", "active", "2022-03-01", "2022-03-02", 1.0)),
                before.seenAgain("2022-03-02").entries());
    }
}
