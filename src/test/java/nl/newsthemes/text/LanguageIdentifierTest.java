package nl.newsthemes.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageIdentifierTest {
    private final LanguageIdentifier identifier = new LanguageIdentifier();

    private String identify(String text) {
        return identifier.identify(TextNormalizer.normalize(text));
    }

    @Test
    void twoSentencesAreEnoughToTellTheLanguage() {
        assertEquals("en", identify("The West imposed new sanctions on Russia on Friday, officials said. "
                + "The countries agreed to ban imports of Russian oil, according to a statement."));
        assertEquals("nl", identify("Het Westen heeft vrijdag nieuwe sancties tegen Rusland afgekondigd. "
                + "De landen spraken af de invoer van Russische olie te verbieden, zo staat in een verklaring."));
        assertEquals("de", identify("Der Westen hat am Freitag neue Sanktionen gegen Russland verhängt. "
                + "Die Länder einigten sich darauf, die Einfuhr von russischem Öl zu verbieten."));
    }

    @Test
    void aHeadlineIsTooShortToTell() {
        // Headlines of nl-news-2022's sources: the detector ranks Afrikaans or English first, with Dutch close behind.
        assertNull(identify("Kaag bevestigt: Nederlandse delegatie had ontmoeting met Taliban"));
        assertNull(identify("Sex and the City-acteur Willie Garson overleden"));
        assertNull(identify(""));
    }

    @Test
    void onlyTheStartOfALongTextIsRead() {
        String dutch = "Het Westen heeft vrijdag nieuwe sancties tegen Rusland afgekondigd. ".repeat(10);
        String english = " The West imposed new sanctions on Russia on Friday, officials said.".repeat(100);
        assertTrue(dutch.length() >= LanguageIdentifier.PREFIX_CHARS);
        assertEquals("nl", identify(dutch + english));
    }
}
