package nl.newsthemes.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RejectReasonTest {
    /** README's table of reasons lists every kind's label, in the enum's order, and no other. */
    @Test
    void readmeListsEveryKind() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| kind (the reason starts with it) |"), readme.indexOf("Unusual but valid input"));
        List<String> listed = new java.util.ArrayList<>();
        for (String row : table.lines().skip(2).filter(line -> line.startsWith("|")).toList()) {
            Matcher labels = Pattern.compile("`([^`]+)`").matcher(row.substring(0, row.indexOf('|', 1)));
            while (labels.find()) {
                listed.add(labels.group(1));
            }
        }
        assertEquals(Arrays.stream(RejectReason.values()).map(RejectReason::label).toList(), listed);
    }

    @Test
    void aReasonIsItsLabelAndWhatWasFound() {
        assertEquals("too large: 12 bytes", RejectReason.TOO_LARGE.because("12 bytes"));
        assertEquals("too large after gunzip: more", RejectReason.TOO_LARGE.followedBy(" after gunzip: more"));
        assertEquals("missing date", RejectReason.MISSING_DATE.label());
    }
}
