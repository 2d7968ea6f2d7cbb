package nl.newsthemes.topics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicCountTest {
    @Test
    void askedForWhenTheCorpusSupportsIt() {
        assertEquals(new TopicCount(20, 20, ""), TopicCount.choose(20, 20_664, 20_000));
        assertEquals(new TopicCount(10, 10, ""), TopicCount.choose(10, 50, 300));
    }

    @Test
    void reducedForSmallCorpora() {
        assertEquals(new TopicCount(10, 2, "reduced from 10: 5 documents support 2 topics (at least 5 documents a topic)"),
                TopicCount.choose(10, 5, 103));
        assertEquals(new TopicCount(10, 9, "reduced from 10: 49 documents support 9 topics (at least 5 documents a topic)"),
                TopicCount.choose(10, 49, 300));
    }

    @Test
    void noneWithoutDocumentsOrVocabulary() {
        assertEquals(new TopicCount(10, 0, "no topics fitted: 0 documents with vocabulary words and a vocabulary of 0 terms"),
                TopicCount.choose(10, 0, 0));
        assertEquals(0, TopicCount.choose(10, 100, 1).used());
    }
}
