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
    void aLocalMasterGetsAtMostEightOrOnePerCore() {
        assertEquals(2, ShufflePartitions.forLocalInput(15_825, 2));   // the sample, local[2]
        assertEquals(4, ShufflePartitions.forLocalInput(13 * MB, 2));  // en-ukraine-2019-2022.jsonl.gz
        assertEquals(8, ShufflePartitions.forLocalInput(30 * MB, 2));  // nl-news-2022.jsonl.gz
        assertEquals(8, ShufflePartitions.forLocalInput(300 * MB, 2)); // ten times that
        assertEquals(32, ShufflePartitions.forLocalInput(300 * MB, 32));
        assertEquals(32, ShufflePartitions.forLocalInput(0, 32));
    }

    @Test
    void neverMoreThanSparksDefault() {
        assertEquals(200, ShufflePartitions.forInput(10_000 * MB, 2));
        assertEquals(200, ShufflePartitions.forInput(Long.MAX_VALUE, 2));
    }
}
