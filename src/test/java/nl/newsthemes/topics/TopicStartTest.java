package nl.newsthemes.topics;

import nl.newsthemes.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicStartTest extends SparkTestBase {
    /** Two topics over three words; word by word, the weight in topic 0, then in topic 1. */
    private static final TopicStart START = new TopicStart("run-1", 2, List.of("gas", "navo", "olie"),
            new double[]{10.0, 0.5, 0.25, 20.0, 7.0, 1.5});

    @Test
    void eachWordKeepsItsWeightsWhereverTheNewVocabularyPutsItAndANewWordKeepsItsRandomStart() {
        // The optimizer's matrix: 2 rows (topics), a column per word, column by column: [word0 t0, word0 t1, word1 t0, ...].
        double[] lambda = {1.01, 0.99, 1.02, 0.98, 1.03, 0.97, 1.04, 0.96};
        START.copyInto(lambda, List.of("olie", "sancties", "gas", "navo"));
        assertArrayEquals(new double[]{7.0, 1.5, 1.02, 0.98, 10.0, 0.5, 0.25, 20.0}, lambda);
    }

    @Test
    void aStartOfAnotherNumberOfTopicsIsRefused() {
        double[] lambda = new double[9];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> START.copyInto(lambda, List.of("gas", "navo", "olie")));
        assertEquals("a start of 2 topics for a model of 3 topics", e.getMessage());
    }

    @Test
    void savedAndReadBackTheWeightsAreTheSameToTheLastBit(@TempDir Path dir) {
        TopicStart odd = new TopicStart("run-7", 2, List.of("a", "b"), new double[]{0.1 + 0.2, Math.PI, 1e-300, 12345.678901234});
        odd.save(spark, dir.resolve("start").toString());
        TopicStart read = TopicStart.read(spark, dir.resolve("start").toString(), "run-7");
        assertEquals(odd.terms(), read.terms());
        assertArrayEquals(odd.weights(), read.weights());
        assertEquals("run-7", read.from());
    }

    @Test
    void aSavedStartWhoseWordsDisagreeOnTheNumberOfTopicsOrThatHoldsNoWordIsRefused(@TempDir Path dir) {
        TopicStart three = new TopicStart("run-2", 3, List.of("zout"), new double[]{1.0, 2.0, 3.0});
        START.save(spark, dir.resolve("two").toString());
        three.save(spark, dir.resolve("three").toString());
        // Two saves in one folder: what a half-copied folder might hold.
        spark.read().parquet(dir.resolve("two").toString()).unionByName(spark.read().parquet(dir.resolve("three").toString()))
                .coalesce(1).write().parquet(dir.resolve("mixed").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicStart.read(spark, dir.resolve("mixed").toString(), "run-1"));
        assertEquals(dir.resolve("mixed") + ": the word 'zout' has 3 weights, where 'gas' has 2", e.getMessage());

        spark.read().parquet(dir.resolve("two").toString()).limit(0).write().parquet(dir.resolve("empty").toString());
        e = assertThrows(IllegalArgumentException.class, () -> TopicStart.read(spark, dir.resolve("empty").toString(), "run-1"));
        assertEquals(dir.resolve("empty") + " holds no word", e.getMessage());
    }
}
