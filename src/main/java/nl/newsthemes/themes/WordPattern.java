package nl.newsthemes.themes;

import nl.newsthemes.config.ConfigException;
import nl.newsthemes.text.TextAnalyzer;
import nl.newsthemes.text.TextNormalizer;
import nl.newsthemes.text.Token;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One word of a theme rule: a Dutch stem that a token's stem must equal, or, for a word written with a trailing
 * {@code *}, a prefix that the token's lower-cased surface word must start with (stems would cut the prefix in
 * unexpected places, so prefixes are matched on the word).
 */
record WordPattern(String stem, String prefix) implements Serializable {

    boolean matches(Token token) {
        return prefix != null ? token.word().startsWith(prefix) : token.stem().equals(stem);
    }

    /** A single word of a theme file, analyzed like the text it is matched against. */
    static WordPattern of(String word, TextAnalyzer analyzer, String theme) {
        List<WordPattern> patterns = sequence(word, analyzer, theme);
        if (patterns.size() != 1) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "theme '%s': '%s' is %d words to the Dutch tokenizer; put it under phrases", theme, word, patterns.size()));
        }
        return patterns.get(0);
    }

    /** The words of a phrase, in order; hyphenated words count as several, as they do in the text. */
    static List<WordPattern> sequence(String phrase, TextAnalyzer analyzer, String theme) {
        List<WordPattern> patterns = new ArrayList<>();
        for (String part : phrase.strip().split("\\s+")) {
            if (part.endsWith("*")) {
                List<Token> tokens = analyzer.tokens(TextNormalizer.normalize(part.substring(0, part.length() - 1)));
                if (tokens.size() != 1) {
                    throw new ConfigException(String.format(Locale.ROOT,
                            "theme '%s': prefix '%s' must be one word before its '*'", theme, part));
                }
                patterns.add(new WordPattern(null, tokens.get(0).word()));
            } else {
                List<Token> tokens = analyzer.tokens(TextNormalizer.normalize(part));
                if (tokens.isEmpty()) {
                    throw new ConfigException(String.format(Locale.ROOT,
                            "theme '%s': '%s' has no letters to match", theme, part));
                }
                tokens.forEach(t -> patterns.add(new WordPattern(t.stem(), null)));
            }
        }
        return patterns;
    }

    static boolean anyMatches(List<WordPattern> patterns, Token token) {
        for (WordPattern pattern : patterns) {
            if (pattern.matches(token)) {
                return true;
            }
        }
        return false;
    }
}
