package nl.newsthemes.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmallInputCodegenTest {
    @Test
    void offBelowAMegabyteOfInput() {
        assertEquals(true, SmallInputCodegen.interpreted(15_825));           // the sample
        assertEquals(true, SmallInputCodegen.interpreted(792_826));          // nl-headlines-2021-2022.jsonl.gz
        assertEquals(true, SmallInputCodegen.interpreted((1 << 20) - 1));
        assertEquals(false, SmallInputCodegen.interpreted(1 << 20));
        assertEquals(false, SmallInputCodegen.interpreted(13_600_925));      // en-ukraine-2019-2022.jsonl.gz
    }
}
