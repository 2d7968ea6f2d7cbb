package nl.newsthemes.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogTextTest {
    @Test
    void lineBreaksAndControlCharactersCannotForgeALogLine() {
        assertEquals("a.txt\\n2026-11-25 03:00:00 INFO  stages: all fine\\r\\tx\\u0007\\u2028",
                LogText.oneLine("a.txt\n2026-11-25 03:00:00 INFO  stages: all fine\r\tx\u0007\u2028"));
        assertEquals("oekraïne “quotes”", LogText.oneLine("oekraïne “quotes”"));
        assertEquals("null", LogText.oneLine(null));
    }
}
