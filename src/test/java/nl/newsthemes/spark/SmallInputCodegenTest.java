package nl.newsthemes.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmallInputCodegenTest {
    @Test
    void offBelowAQuarterMegabyteOfInput() {
        assertEquals(true, SmallInputCodegen.interpreted(15_825));           // the sample
        assertEquals(true, SmallInputCodegen.interpreted((256 << 10) - 1));
        assertEquals(false, SmallInputCodegen.interpreted(256 << 10));
        assertEquals(false, SmallInputCodegen.interpreted(792_826));         // nl-headlines-2021-2022.jsonl.gz
    }
}
