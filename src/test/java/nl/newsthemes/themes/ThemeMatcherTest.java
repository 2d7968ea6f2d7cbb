package nl.newsthemes.themes;

import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.text.TextAnalyzer;
import nl.newsthemes.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default themes on sentences from the sample articles. */
class ThemeMatcherTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.dutch();
    private static final ThemeMatcher DEFAULTS = ThemeMatcher.compile(ThemeSet.load(null), ANALYZER);

    static Map<String, ThemeHit> match(ThemeMatcher matcher, String text) {
        return match(matcher, text, ANALYZER);
    }

    /** With {@code analyzer}, which must be the one {@code matcher} was compiled with. */
    static Map<String, ThemeHit> match(ThemeMatcher matcher, String text, TextAnalyzer analyzer) {
        String normalized = TextNormalizer.normalize(text);
        return matcher.match(normalized, analyzer.tokens(normalized)).stream()
                .collect(Collectors.toMap(ThemeHit::theme, Function.identity()));
    }

    @Test
    void everyThemeGetsAResultInFileOrder() {
        String text = TextNormalizer.normalize("Geen thema hier.");
        assertEquals(List.of("sanctions", "nato_expansion", "minsk_accords", "energy_supply", "arms_deliveries",
                "peace_talks", "nuclear_threat", "refugees"),
                DEFAULTS.match(text, ANALYZER.tokens(text)).stream().map(ThemeHit::theme).toList());
    }

    @Test
    void sanctionsByTermAndPhrase() {
        ThemeHit hit = match(DEFAULTS, "Daarin dreigde Biden met nieuwe economische sancties als de situatie escaleert.")
                .get("sanctions");
        assertTrue(hit.matched());
        // "sancties" near a word of international context, here the nearest one: "economische" (weight 2); the phrase
        // "economische sancties" (2) and the word alone (1).
        assertEquals(5.0, hit.score());
        assertEquals(List.of("economische … sancties", "economische sancties", "sancties"), hit.matchedTerms());
        assertEquals(List.of("Daarin dreigde Biden met nieuwe economische sancties als de situatie escaleert."), hit.evidence());
    }

    @Test
    void natoExpansionByProximity() {
        ThemeHit eastward = match(DEFAULTS, "Rusland eist dat de NAVO zich niet verder naar het oosten uitbreidt.")
                .get("nato_expansion");
        assertTrue(eastward.matched());
        // NATO near "naar het oosten" (eastward) and near "uitbreidt" (expands), each on its own.
        assertEquals(List.of("navo … naar het oosten", "navo … uitbreidt"), eastward.matchedTerms());

        ThemeHit membership = match(DEFAULTS, "een NAVO-lidmaatschap staat open voor ieder land").get("nato_expansion");
        assertTrue(membership.matched());
        assertEquals(List.of("navo lidmaatschap", "navo … lidmaatschap"), membership.matchedTerms());
    }

    @Test
    void natoWithoutEnlargementIsNoMatch() {
        // Sample article 001 and 002: talks with NATO, a NATO partner country, the NATO-Russia Council.
        assertFalse(match(DEFAULTS, "Vertegenwoordigers van de VS en Rusland houden op 9 en 10 januari besprekingen in "
                + "Genève, gevolgd door besprekingen tussen Rusland en de NAVO en de Organisatie voor Veiligheid en "
                + "Samenwerking in Europa (OVSE).").get("nato_expansion").matched());
        assertFalse(match(DEFAULTS, "Later volgen de NAVO-Rusland Raad op 12 januari en een ontmoeting. Rusland heeft "
                + "tienduizenden troepen gestationeerd aan de grens met Oekraïne, een partnerland van de NAVO.")
                .get("nato_expansion").matched());
    }

    @Test
    void minskAccordsByPhraseNotByTheCity() {
        ThemeHit accords = match(DEFAULTS, "de actieve diplomatie om de implementatie van de akkoorden van Minsk te versnellen")
                .get("minsk_accords");
        assertTrue(accords.matched());
        assertEquals(List.of("akkoorden van minsk", "akkoorden … minsk"), accords.matchedTerms());
        assertFalse(match(DEFAULTS, "Het vliegtuig van Ryanair moest landen in Minsk, de hoofdstad van Belarus.")
                .get("minsk_accords").matched());
    }

    @Test
    void evidenceIsCutAtWordsAroundTheHit() {
        String before = "Een lange aanloop die niets met het onderwerp te maken heeft maar wel heel veel woorden telt, ";
        String after = " en daarna volgt nog een lange zin die ook niets toevoegt aan het onderwerp van dit stuk tekst.";
        ThemeHit hit = match(DEFAULTS, before + "de sancties" + after).get("sanctions");
        // 80 characters each side, shrunk to whole words.
        assertEquals(List.of("…die niets met het onderwerp te maken heeft maar wel heel veel woorden telt, de sancties en "
                + "daarna volgt nog een lange zin die ook niets toevoegt aan het onderwerp van…"), hit.evidence());
    }

    @Test
    void weightsExclusionsWildcardsAndSentences() {
        ThemeMatcher matcher = ThemeMatcher.compile(ThemeSet.parse("""
                {"themes": [{"name": "t", "threshold": 2,
                  "rules": [
                    {"weight": 2, "terms": ["*embargo"]},
                    {"weight": 0.5, "terms": ["*sanctie*"], "exclude": [{"terms": ["rechter"], "window": 3}]},
                    {"weight": 2, "near": [{"terms": ["lid worden"], "with": ["navo"], "window": 4}]}],
                  "exclude": [{"phrases": ["geen embargo"]}]}]}""", "test"), ANALYZER);
        ThemeHit suffix = match(matcher, "Het wapenembargo blijft.").get("t");
        assertEquals(List.of("wapenembargo"), suffix.matchedTerms());
        assertEquals(2.0, suffix.score());
        // A theme-level exclusion cancels the hit it overlaps.
        assertEquals(0.0, match(matcher, "Er komt geen embargo.").get("t").score());
        // Infix: compounds; a rule's own exclusion cancels only its hits near the context word.
        ThemeHit infix = match(matcher, "Handelssancties en sanctiepakketten kwamen er. Wel sancties, zei de rechter.").get("t");
        assertEquals(List.of("handelssancties", "sanctiepakketten"), infix.matchedTerms());
        assertEquals(1.0, infix.score());
        assertFalse(infix.matched());
        ThemeHit cancelled = match(matcher, "De sanctie van de rechter.").get("t");
        assertEquals(0.0, cancelled.score());
        // Near rules take phrases and stay within one sentence.
        assertEquals(List.of("lid worden … navo"), match(matcher, "Zweden wil lid worden van de NAVO.").get("t").matchedTerms());
        assertEquals(0.0, match(matcher, "Zweden wil lid worden. De NAVO zwijgt.").get("t").score());
    }

    @Test
    void atMostThreeSnippets() {
        String text = String.join(" ", java.util.Collections.nCopies(40, "sancties en nog veel meer andere woorden"));
        ThemeHit hit = match(DEFAULTS, text).get("sanctions");
        assertEquals(40.0, hit.score());
        assertEquals(3, hit.evidence().size());
    }

    @Test
    void customThemeWithThresholdAndPrefix() {
        ThemeMatcher matcher = ThemeMatcher.compile(ThemeSet.parse("""
                {"themes": [{"name": "gas", "terms": ["gas*", "lng"], "threshold": 2}]}""", "test"), ANALYZER);
        ThemeHit once = match(matcher, "De gasprijs stijgt.").get("gas");
        assertEquals(1.0, once.score());
        assertFalse(once.matched());
        ThemeHit twice = match(matcher, "De gasprijs stijgt door minder LNG.").get("gas");
        assertTrue(twice.matched());
        assertEquals(List.of("gasprijs", "lng"), twice.matchedTerms());
    }
}
