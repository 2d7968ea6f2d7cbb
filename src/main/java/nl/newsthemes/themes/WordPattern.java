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
 * One word of a theme rule. A plain word matches tokens with its stem in the language of the text. A word with a {@code *} is matched on
 * the lower-cased surface word instead, since a stemmer cuts words in places a reader would not guess:
 * {@code sanctie*} matches words that start with {@code sanctie}, {@code *embargo} words that end with
 * {@code embargo} ({@code wapenembargo}), and {@code *sanctie*} words that contain it ({@code handelssancties}),
 * which is how Dutch compounds are caught.
 */
record WordPattern(Kind kind, String text) implements Serializable {

    enum Kind { STEM, PREFIX, SUFFIX, INFIX }

    boolean matches(Token token) {
        return switch (kind) {
            case STEM -> token.stem().equals(text);
            case PREFIX -> token.word().startsWith(text);
            case SUFFIX -> token.word().endsWith(text);
            case INFIX -> token.word().contains(text);
        };
    }

    /** A single word of a theme file, analyzed like the text it is matched against. */
    static WordPattern of(String word, TextAnalyzer analyzer, String theme) {
        List<WordPattern> patterns = sequence(word, analyzer, theme);
        if (patterns.size() != 1) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "theme '%s': '%s' is %d words to the tokenizer; put it under phrases", theme, word, patterns.size()));
        }
        return patterns.get(0);
    }

    /** The words of a phrase, in order; hyphenated words count as several, as they do in the text. */
    static List<WordPattern> sequence(String phrase, TextAnalyzer analyzer, String theme) {
        List<WordPattern> patterns = new ArrayList<>();
        for (String part : phrase.strip().split("\\s+")) {
            boolean leading = part.startsWith("*");
            boolean trailing = part.endsWith("*") && part.length() > 1;
            if (leading || trailing) {
                String core = part.substring(leading ? 1 : 0, part.length() - (trailing ? 1 : 0));
                List<Token> tokens = analyzer.tokens(TextNormalizer.normalize(core));
                if (tokens.size() != 1 || tokens.get(0).word().length() < 2) {
                    throw new ConfigException(String.format(Locale.ROOT,
                            "theme '%s': '%s' must have one word of at least two letters besides its '*'", theme, part));
                }
                Kind kind = leading && trailing ? Kind.INFIX : leading ? Kind.SUFFIX : Kind.PREFIX;
                patterns.add(new WordPattern(kind, tokens.get(0).word()));
            } else {
                List<Token> tokens = analyzer.tokens(TextNormalizer.normalize(part));
                if (tokens.isEmpty()) {
                    throw new ConfigException(String.format(Locale.ROOT,
                            "theme '%s': '%s' has no letters to match", theme, part));
                }
                tokens.forEach(t -> patterns.add(new WordPattern(Kind.STEM, t.stem())));
            }
        }
        return patterns;
    }
}
