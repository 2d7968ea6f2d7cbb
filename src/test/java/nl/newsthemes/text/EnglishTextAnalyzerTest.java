package nl.newsthemes.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** English read as English: Spark's English stopwords and the news filler words, Snowball's English stemmer. */
class EnglishTextAnalyzerTest {
    private static final String SENTENCES = "The West imposed new sanctions on Russia on Friday, officials said. "
            + "The countries agreed to ban imports of Russian oil, according to a statement.";

    private static List<Token> content(Language language, String text) {
        return new TextAnalyzer(language, 2).tokens(TextNormalizer.normalize(text)).stream().filter(Token::content).toList();
    }

    @Test
    void stopwordsAndFillerWordsAreNotContentWordsAndInflectionsShareAStem() {
        List<Token> english = content(Language.ENGLISH, SENTENCES);
        assertEquals(List.of("west", "imposed", "new", "sanctions", "russia", "officials", "countries", "agreed", "ban",
                "imports", "russian", "oil", "statement"), english.stream().map(Token::word).toList());
        assertEquals(List.of("west", "impos", "new", "sanction", "russia", "offici", "countri", "agre", "ban", "import",
                "russian", "oil", "statement"), english.stream().map(Token::stem).toList());
        assertEquals(List.of("countri", "countri", "sanction", "sanction"),
                content(Language.ENGLISH, "countries country sanctions sanction").stream().map(Token::stem).toList());
    }

    @Test
    void theDutchAnalyzerReadsEnglishWorse() {
        // What English articles got before each was read in its own language: "friday", "said"'s neighbours and
        // "according" were content words, and plurals in -ies kept their own stem.
        List<Token> dutch = content(Language.DUTCH, SENTENCES);
        assertEquals(List.of("west", "imposed", "new", "sanction", "russia", "friday", "official", "countries", "agred",
                "ban", "import", "russian", "oil", "accord", "statement"), dutch.stream().map(Token::stem).toList());
    }

    @Test
    void aFullStopBeforeALowerCaseWordOrAfterAnInitialismDoesNotEndTheSentence() {
        List<Token> tokens = new TextAnalyzer(Language.ENGLISH, 2).tokens(TextNormalizer.normalize(
                "Myanmar is under U.S. sanctions. The U.S. Army left. Mr. Biden spoke! then he left? Yes.\nNo"));
        assertEquals(List.of("myanmar 0", "is 0", "under 0", "u.s 0", "sanctions 0", "the 1", "u.s 1", "army 1",
                        "left 1", "mr 2", "biden 3", "spoke 3", "then 4", "he 4", "left 4", "yes 5", "no 6"),
                tokens.stream().map(t -> t.word() + " " + t.sentence()).toList());
    }
}
