package nl.newsthemes.config;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One theme of the theme file. A document's score is the number of rule hits in its title and text; it has the
 * theme when the score reaches {@code threshold}.
 *
 * @param name        identifier written to the outputs: lower case, digits and underscores
 * @param description what the theme means, for people reading the theme file
 * @param terms       single words, matched by Dutch stem ({@code sancties} matches {@code sanctie}); a trailing
 *                    {@code *} matches every word that starts with what comes before it ({@code sanctie*})
 * @param phrases     several words in a row, each matched like a term ({@code economische sancties})
 * @param near        a word of {@code terms} within {@code window} words of a word of {@code with}
 * @param threshold   the score a document needs to have the theme (default 1)
 */
public record ThemeDefinition(
        String name,
        String description,
        List<String> terms,
        List<String> phrases,
        List<NearRule> near,
        Double threshold) implements Serializable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ThemeDefinition {
        terms = terms == null ? List.of() : List.copyOf(terms);
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        near = near == null ? List.of() : List.copyOf(near);
        threshold = threshold == null ? 1.0 : threshold;
        description = description == null ? "" : description;
    }

    /**
     * Proximity rule.
     *
     * @param terms  words (as in {@link ThemeDefinition#terms})
     * @param with   words that must stand near one of {@code terms}
     * @param window largest distance in words, 1 to 50
     */
    public record NearRule(List<String> terms, List<String> with, Integer window) implements Serializable {
        public NearRule {
            terms = terms == null ? List.of() : List.copyOf(terms);
            with = with == null ? List.of() : List.copyOf(with);
            window = window == null ? 8 : window;
        }
    }

    /** Checks this theme; the message names the theme and the rule. */
    public void validate() {
        ConfigException.check(name != null && NAME.matcher(name).matches(),
                "theme name '%s' must be lower case letters, digits and underscores, starting with a letter", name);
        ConfigException.check(!terms.isEmpty() || !phrases.isEmpty() || !near.isEmpty(),
                "theme '%s' is empty: give it terms, phrases or near rules", name);
        ConfigException.check(threshold > 0 && threshold <= 1000, "theme '%s': threshold must be above 0 and at most 1000, got %s", name, threshold);
        for (String term : terms) {
            checkWord(term, "terms");
        }
        for (String phrase : phrases) {
            ConfigException.check(phrase != null && !phrase.isBlank(), "theme '%s': phrases has an empty phrase", name);
            ConfigException.check(phrase.strip().split("[\\s-]+").length >= 2,
                    "theme '%s': phrase '%s' has one word; put it under terms", name, phrase);
        }
        for (int i = 0; i < near.size(); i++) {
            NearRule rule = near.get(i);
            ConfigException.check(!rule.terms().isEmpty() && !rule.with().isEmpty(),
                    "theme '%s': near rule %d needs both 'terms' and 'with' words", name, i + 1);
            ConfigException.check(rule.window() >= 1 && rule.window() <= 50,
                    "theme '%s': near rule %d has window %d; it must be from 1 to 50 words", name, i + 1, rule.window());
            rule.terms().forEach(w -> checkWord(w, "near.terms"));
            rule.with().forEach(w -> checkWord(w, "near.with"));
        }
    }

    private void checkWord(String word, String where) {
        ConfigException.check(word != null && !word.isBlank(), "theme '%s': %s has an empty word", name, where);
        ConfigException.check(!word.strip().contains(" "),
                "theme '%s': '%s' in %s is several words; put it under phrases", name, word, where);
        int star = word.indexOf('*');
        ConfigException.check(star == -1 || star > 0 && star == word.length() - 1,
                "theme '%s': '%s' in %s: '*' may only end a word, after at least one letter", name, word, where);
    }
}
