package nl.newsthemes.config;

import nl.newsthemes.text.TextAnalyzer;
import nl.newsthemes.themes.ThemeMatcher;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThemeSetTest {
    private static String refused(String json) {
        return assertThrows(ConfigException.class, () -> {
            ThemeSet set = ThemeSet.parse(json, "t.json");
            ThemeMatcher.compile(set, TextAnalyzer.dutch());
        }).getMessage();
    }

    @Test
    void defaultThemesLoad() {
        ThemeSet set = ThemeSet.load(null);
        assertEquals(List.of("sanctions", "nato_expansion", "minsk_accords", "energy_supply", "arms_deliveries",
                "peace_talks", "nuclear_threat", "refugees"), set.names());
        assertEquals("bundled /themes/default-themes.json", set.source());
    }

    @Test
    void unknownKeyIsNamed() {
        assertEquals("theme file t.json: unknown key 'trems' at 'themes[0].trems'; known keys there: "
                        + "description, exclude, name, near, phrases, rules, terms, threshold",
                refused("{\"themes\": [{\"name\": \"a\", \"trems\": [\"x\"]}]}"));
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals("theme file t.json: 'themes[0].terms' has the wrong type; it must be a list",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": \"sancties\"}]}"));
        assertEquals("theme file t.json: 'themes[0].threshold' has the wrong type; it must be a number",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"x\"], \"threshold\": \"high\"}]}"));
        assertEquals("theme file t.json: 'themes[0].near[0].window' has the wrong type; it must be a whole number",
                refused("{\"themes\": [{\"name\": \"a\", \"near\": [{\"terms\": [\"a\"], \"with\": [\"b\"], \"window\": \"5\"}]}]}"));
    }

    @Test
    void emptyAndBadThemesAreRefused() {
        assertEquals("theme file t.json: theme 'a' is empty: give it terms, phrases, near or rules",
                refused("{\"themes\": [{\"name\": \"a\"}]}"));
        assertEquals("theme file t.json has no themes", refused("{\"themes\": []}"));
        assertEquals("theme file t.json: theme name 'Sancties!' must be lower case letters, digits and underscores, starting with a letter",
                refused("{\"themes\": [{\"name\": \"Sancties!\", \"terms\": [\"x\"]}]}"));
        assertEquals("theme file t.json: theme name 'a' appears twice",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"x\"]}, {\"name\": \"a\", \"terms\": [\"y\"]}]}"));
        assertEquals("theme file t.json: theme 'a': phrase 'sancties' has one word; put it under terms",
                refused("{\"themes\": [{\"name\": \"a\", \"phrases\": [\"sancties\"]}]}"));
        assertEquals("theme file t.json: theme 'a': 'economische sancties' in terms is several words; put it under phrases",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"economische sancties\"]}]}"));
        assertEquals("theme file t.json: theme 'a': 'sanc*ties' in terms: '*' may only start or end a word",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"sanc*ties\"]}]}"));
        assertEquals("theme 'a': '*s*' must have one word of at least two letters besides its '*'",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"*s*\"]}]}"));
        assertEquals("theme file t.json: theme 'a': rules[0] has weight 0.0; it must be above 0 and at most 100",
                refused("{\"themes\": [{\"name\": \"a\", \"rules\": [{\"terms\": [\"x\"], \"weight\": 0}]}]}"));
        assertEquals("theme file t.json: theme 'a': an exclude entry has window 60; it must be from 0 to 50 words",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"x\"], \"exclude\": [{\"terms\": [\"y\"], \"window\": 60}]}]}"));
        assertEquals("theme file t.json: theme 'a': a near rule has window 0; it must be from 1 to 50 words",
                refused("{\"themes\": [{\"name\": \"a\", \"near\": [{\"terms\": [\"a\"], \"with\": [\"b\"], \"window\": 0}]}]}"));
        assertEquals("theme 'a': 'navo-lidmaatschap' is 2 words to the tokenizer; put it under phrases",
                refused("{\"themes\": [{\"name\": \"a\", \"terms\": [\"navo-lidmaatschap\"]}]}"));
    }

    @Test
    void theExamplesInTheReadmeAreValidThemeFiles() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```json\\n(\\{\"themes\".*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        int examples = 0;
        while (m.find()) {
            ThemeSet set = ThemeSet.parse(m.group(1), "README example " + ++examples);
            ThemeMatcher.compile(set, TextAnalyzer.dutch());
        }
        assertEquals(1, examples);
    }

    @Test
    void notJsonOrWrongShape() {
        assertEquals("theme file t.json must be an object with a list \"themes\": {\"themes\": [{\"name\": ..., \"terms\": [...]}]}",
                refused("[1, 2]"));
        assertEquals(true, refused("{\"themes\": [").startsWith("theme file t.json is not valid JSON: "));
    }
}
