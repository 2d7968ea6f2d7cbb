package nl.newsthemes.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One theme of the theme file. Its rules find hits in a document's title and text; a hit counts its rule's weight,
 * unless an exclusion stands near it; the document has the theme when the sum (its score) reaches
 * {@code threshold}.
 *
 * <p>Words are matched by stem, in the article's language ({@code economische} matches {@code economisch}); a {@code *} at the end,
 * start or both matches words that start with, end with or contain the rest ({@code sanctie*}, {@code *embargo},
 * {@code *sanctie*}). A phrase is several such words in a row, stopwords included; a hyphen is a word break.
 *
 * @param name        identifier written to the outputs: lower case, digits and underscores
 * @param description what the theme means, for people reading the theme file
 * @param terms       single words, weight 1 each (shorthand for a rule)
 * @param phrases     phrases, weight 1 each (shorthand for a rule)
 * @param near        proximity rules, weight 1 each (shorthand for a rule)
 * @param rules       weighted groups of terms, phrases and proximity rules
 * @param exclude     contexts that cancel a hit: a word or phrase within a window of it
 * @param threshold   the score a document needs to have the theme (default 1)
 */
public record ThemeDefinition(
        String name,
        String description,
        List<String> terms,
        List<String> phrases,
        List<NearRule> near,
        List<Rule> rules,
        List<Exclusion> exclude,
        Double threshold) implements Serializable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ThemeDefinition {
        description = description == null ? "" : description;
        terms = terms == null ? List.of() : List.copyOf(terms);
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        near = near == null ? List.of() : List.copyOf(near);
        rules = rules == null ? List.of() : List.copyOf(rules);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        threshold = threshold == null ? 1.0 : threshold;
    }

    /**
     * A word or phrase of {@code terms} within {@code window} words of a word or phrase of {@code with}.
     *
     * @param window largest distance in words, 1 to 50 (default 8)
     */
    public record NearRule(List<String> terms, List<String> with, Integer window) implements Serializable {
        public NearRule {
            terms = terms == null ? List.of() : List.copyOf(terms);
            with = with == null ? List.of() : List.copyOf(with);
            window = window == null ? 8 : window;
        }
    }

    /**
     * A weighted group of rules: each hit of its terms, phrases or proximity rules counts {@code weight}, unless one
     * of its own {@code exclude} contexts (or the theme's) stands near it.
     *
     * @param weight above 0, at most 100 (default 1)
     */
    public record Rule(List<String> terms, List<String> phrases, List<NearRule> near, Double weight,
                       List<Exclusion> exclude) implements Serializable {
        public Rule {
            terms = terms == null ? List.of() : List.copyOf(terms);
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            near = near == null ? List.of() : List.copyOf(near);
            weight = weight == null ? 1.0 : weight;
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }
    }

    /**
     * A context that cancels hits: any hit with one of these words or phrases within {@code window} words of it
     * (0: overlapping it) does not count.
     */
    public record Exclusion(List<String> terms, List<String> phrases, Integer window) implements Serializable {
        public Exclusion {
            terms = terms == null ? List.of() : List.copyOf(terms);
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            window = window == null ? 0 : window;
        }
    }

    /** The shorthand terms, phrases and near rules (weight 1) followed by the weighted rules. */
    public List<Rule> allRules() {
        List<Rule> all = new ArrayList<>();
        if (!terms.isEmpty() || !phrases.isEmpty() || !near.isEmpty()) {
            all.add(new Rule(terms, phrases, near, 1.0, List.of()));
        }
        all.addAll(rules);
        return all;
    }

    /** Checks this theme; the message names the theme and the rule. */
    public void validate() {
        ConfigException.check(name != null && NAME.matcher(name).matches(),
                "theme name '%s' must be lower case letters, digits and underscores, starting with a letter", name);
        ConfigException.check(!allRules().isEmpty(), "theme '%s' is empty: give it terms, phrases, near or rules", name);
        ConfigException.check(threshold > 0 && threshold <= 1000,
                "theme '%s': threshold must be above 0 and at most 1000, got %s", name, threshold);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String where = "rules[" + i + "]";
            ConfigException.check(rule != null, "theme '%s': %s is null", name, where);
            ConfigException.check(!rule.terms().isEmpty() || !rule.phrases().isEmpty() || !rule.near().isEmpty(),
                    "theme '%s': %s is empty: give it terms, phrases or near", name, where);
            ConfigException.check(rule.weight() > 0 && rule.weight() <= 100,
                    "theme '%s': %s has weight %s; it must be above 0 and at most 100", name, where, rule.weight());
        }
        for (Rule rule : allRules()) {
            rule.terms().forEach(w -> checkWord(w, "terms"));
            rule.phrases().forEach(this::checkPhrase);
            for (NearRule n : rule.near()) {
                ConfigException.check(n != null && !n.terms().isEmpty() && !n.with().isEmpty(),
                        "theme '%s': a near rule needs both 'terms' and 'with' words", name);
                ConfigException.check(n.window() >= 1 && n.window() <= 50,
                        "theme '%s': a near rule has window %d; it must be from 1 to 50 words", name, n.window());
                n.terms().forEach(w -> checkWords(w, "near.terms"));
                n.with().forEach(w -> checkWords(w, "near.with"));
            }
        }
        List<Exclusion> exclusions = new ArrayList<>(exclude);
        rules.forEach(r -> exclusions.addAll(r.exclude()));
        for (Exclusion e : exclusions) {
            ConfigException.check(e != null && (!e.terms().isEmpty() || !e.phrases().isEmpty()),
                    "theme '%s': an exclude entry needs terms or phrases", name);
            ConfigException.check(e.window() >= 0 && e.window() <= 50,
                    "theme '%s': an exclude entry has window %d; it must be from 0 to 50 words", name, e.window());
            e.terms().forEach(w -> checkWord(w, "exclude.terms"));
            e.phrases().forEach(this::checkPhrase);
        }
    }

    private void checkPhrase(String phrase) {
        ConfigException.check(phrase != null && !phrase.isBlank(), "theme '%s': phrases has an empty phrase", name);
        ConfigException.check(phrase.strip().split("[\\s-]+").length >= 2,
                "theme '%s': phrase '%s' has one word; put it under terms", name, phrase);
        checkWords(phrase, "phrases");
    }

    private void checkWord(String word, String where) {
        ConfigException.check(word != null && !word.isBlank(), "theme '%s': %s has an empty word", name, where);
        ConfigException.check(!word.strip().contains(" "),
                "theme '%s': '%s' in %s is several words; put it under phrases", name, word, where);
        checkWords(word, where);
    }

    private void checkWords(String words, String where) {
        ConfigException.check(words != null && !words.isBlank(), "theme '%s': %s has an empty word", name, where);
        for (String word : words.strip().split("\\s+")) {
            String inner = word.length() < 2 ? word : word.substring(1, word.length() - 1);
            ConfigException.check(!inner.contains("*") && !word.equals("*") && !word.equals("**"),
                    "theme '%s': '%s' in %s: '*' may only start or end a word", name, word, where);
        }
    }
}
