package nl.newsthemes.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextAnalyzerTest {
    private final TextAnalyzer analyzer = TextAnalyzer.dutch();

    private List<Token> tokens(String text) {
        return analyzer.tokens(TextNormalizer.normalize(text));
    }

    private List<String> contentWords(String text) {
        return tokens(text).stream().filter(Token::content).map(Token::word).toList();
    }

    private List<String> contentStems(String text) {
        return tokens(text).stream().filter(Token::content).map(Token::stem).toList();
    }

    @Test
    void splitsStemsAndDropsStopwordsInASampleSentence() {
        String sentence = "Rusland eist dat de NAVO zich niet verder naar het oosten uitbreidt.";
        assertEquals(List.of("rusland", "eist", "navo", "oosten", "uitbreidt"), contentWords(sentence));
        assertEquals(List.of("rusland", "eist", "navo", "oost", "uitbreidt"), contentStems(sentence));
    }

    @Test
    void hyphenatedWordsGiveTheirParts() {
        assertEquals(List.of("navo", "lidmaatschap"), contentWords("een NAVO-lidmaatschap"));
        assertEquals(List.of("navo", "rusland", "raad"), contentWords("de NAVO-Rusland Raad"));
    }

    @Test
    void diacriticsAreKeptInWordsAndFoldedOnlyByTheStemmer() {
        List<Token> t = tokens("Oekraïne en de Oekraïense ambtsgenoot");
        assertEquals("oekraïne", t.get(0).word());
        assertEquals("oekrain", t.get(0).stem());
        assertEquals("oekraïense", t.get(3).word());
    }

    @Test
    void pluralsAndInflectionsShareAStem() {
        assertEquals(List.of("akkoord", "akkoord", "economisch", "economisch", "gesprek", "gesprek", "uitbreid", "uitbreid"),
                contentStems("akkoorden akkoord economische economisch gesprekken gesprek uitbreiding uitbreiden"));
    }

    @Test
    void snowballKeepsTheIesPluralApart() {
        // Snowball's Dutch stemmer (the one Lucene's DutchAnalyzer uses) removes a plural -s only after a consonant,
        // so "sancties" keeps its s: theme files match such words with a prefix ("sanctie*").
        assertEquals(List.of("sancties", "sanctie"), contentStems("sancties sanctie"));
    }

    @Test
    void numbersOneLetterWordsAndPossessivesAreHandled() {
        // "100.000" and "2014" have no letters; "1+1" is two numbers; Zelensky's is Zelensky.
        assertEquals(List.of("rusland", "verzamelde", "militairen", "zelensky", "kabinetschef"),
                contentWords("Rusland verzamelde 100.000 militairen in 2014 (1+1), x Zelensky's kabinetschef"));
    }

    @Test
    void typographicApostrophesAndNfkcAreNormalized() {
        // "zo’n" with a typographic apostrophe is the filler word zo'n; the ligature "ﬁ" becomes "fi".
        assertEquals(List.of("financiële", "steun"), contentWords("zo’n ﬁnanciële steun"));
    }

    @Test
    void stopwordsStayInTheSequenceWithOffsets() {
        String text = TextNormalizer.normalize("akkoorden van Minsk");
        List<Token> t = analyzer.tokens(text);
        assertEquals(List.of("akkoorden", "van", "minsk"), t.stream().map(Token::word).toList());
        assertFalse(t.get(1).content());
        assertTrue(t.get(2).content());
        assertEquals("Minsk", text.substring(t.get(2).start(), t.get(2).end()));
    }

    @Test
    void newsFillerWordsAreStopwords() {
        assertEquals(List.of("biden", "sancties"), contentWords("Volgens Biden zegt hij dit jaar: sancties"));
    }
}
