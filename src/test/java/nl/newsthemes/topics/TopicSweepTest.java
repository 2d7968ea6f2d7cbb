package nl.newsthemes.topics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicSweepTest {
    @Test
    void theMostCoherentNumberOfTopicsWinsAndTheSmallerOnATie() {
        assertEquals(1, TopicSweep.best(List.of(new TopicSweep.Point(5, 0.21, 3, false),
                new TopicSweep.Point(10, 0.30, 4, false), new TopicSweep.Point(15, 0.28, 5, false))));
        assertEquals(0, TopicSweep.best(List.of(new TopicSweep.Point(5, 0.3, 3, false),
                new TopicSweep.Point(10, 0.3, 4, false))));
        assertEquals(1, TopicSweep.best(List.of(new TopicSweep.Point(10, 0.3, 3, false),
                new TopicSweep.Point(5, 0.3, 4, false))));
    }
}
