package nl.newsthemes.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShufflePartitionsTest {
    private static final long MB = 1L << 20;

    @Test
    void oneCoreEachForSmallInputs() {
        assertEquals(2, ShufflePartitions.forInput(10_000, 2));   // the sample on two executors
        assertEquals(16, ShufflePartitions.forInput(0, 16));
        assertEquals(1, ShufflePartitions.forInput(0, 0));
    }

    @Test
    void onePerFourMegabytesOfInput() {
        assertEquals(8, ShufflePartitions.forInput(30 * MB, 2));    // nl-news-2022.jsonl.gz, as a local run has it
        assertEquals(9, ShufflePartitions.forInput(32 * MB + 1, 2));
        assertEquals(75, ShufflePartitions.forInput(300 * MB, 8));
    }

    @Test
    void neverMoreThanSparksDefault() {
        assertEquals(200, ShufflePartitions.forInput(10_000 * MB, 2));
        assertEquals(200, ShufflePartitions.forInput(Long.MAX_VALUE, 2));
    }
}
