package nl.newsthemes.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentencesTest {
    private static List<String> sentences(String text) {
        return new Sentences().of(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void cutsLinesIntoSentences() {
        assertEquals(List.of("Wat moet je deze week zien, horen of luisteren?", "Onze redacteuren recenseren en tippen",
                        "NRC Cultuurgids", "De EU stelt sancties in.", "„Dat is goed”, zei hij."),
                sentences("Wat moet je deze week zien, horen of luisteren? Onze redacteuren recenseren en tippen\n"
                        + "NRC Cultuurgids\n\n  De EU stelt sancties in. „Dat is goed”, zei hij.  \n"));
    }

    @Test
    void breaksAfterAbbreviationsThatEndMostSentencesTheyStandIn() {
        // The JDK's sentence rules break after "U.S." or "Sen." before a capital: boilerplate learning leaves such
        // pieces alone (see features.Boilerplate).
        assertEquals(List.of("U.S.", "Sen.", "Lindsey Graham spoke.", "Then they left."),
                sentences("U.S. Sen. Lindsey Graham spoke. Then they left."));
    }

    @Test
    void findsNoSentenceInBlankText() {
        assertEquals(List.of(), sentences(""));
        assertEquals(List.of(), sentences(" \n\n\t "));
    }

    @Test
    void spansPointIntoTheTextAsItIs() {
        String text = "Eerst dit.\nDan  dat.";
        assertEquals(List.of(new Sentences.Span(0, 10, true), new Sentences.Span(11, 20, true)), new Sentences().of(text));
        String two = "Eerst dit. Dan dat.\nNieuwsbrief";
        assertEquals(List.of(new Sentences.Span(0, 10, false), new Sentences.Span(11, 19, false),
                new Sentences.Span(20, 31, true)), new Sentences().of(two));
    }

    @Test
    void keysFoldWhiteSpace() {
        String text = "Een Ikje is  een\u00a0persoonlijke\tervaring.";
        assertEquals("Een Ikje is een persoonlijke ervaring.", Sentences.key(text, new Sentences.Span(0, text.length(), true)));
    }

    /** BBC's regional desks each name their own address under the same line: one key for all of them. */
    @Test
    void keysFoldAddresses() {
        for (String line : List.of("Send your story ideas to eastmidsnews@bbc.co.uk.",
                "Send your story ideas to south.newsonline@bbc.co.uk.", "Send your story ideas to https://www.bbc.co.uk/send.")) {
            assertEquals("Send your story ideas to <address>.", Sentences.key(line, new Sentences.Span(0, line.length(), true)));
        }
        String line = "Mail ons via redactie@nrc.nl of kijk op www.nrc.nl/nieuwsbrief, of niet.";
        assertEquals("Mail ons via <address> of kijk op <address>, of niet.",
                Sentences.key(line, new Sentences.Span(0, line.length(), true)));
    }
}
