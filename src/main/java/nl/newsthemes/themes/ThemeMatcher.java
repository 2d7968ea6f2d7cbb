package nl.newsthemes.themes;

import nl.newsthemes.config.ThemeDefinition;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.text.TextAnalyzer;
import nl.newsthemes.text.Token;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the themes of one document by its rules (see {@link ThemeDefinition}), on the full word sequence of its text,
 * stopwords included, so that phrases such as {@code akkoorden van Minsk} match as written. Compiled once on the
 * driver, which also checks that every rule word can be matched; serializable, so Spark ships it to the tasks.
 */
public final class ThemeMatcher implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Characters of context on each side of a hit in an evidence snippet. */
    static final int SNIPPET_CONTEXT = 80;
    static final int MAX_SNIPPETS = 3;

    private final List<CompiledTheme> themes;

    private ThemeMatcher(List<CompiledTheme> themes) {
        this.themes = themes;
    }

    public static ThemeMatcher compile(ThemeSet set, TextAnalyzer analyzer) {
        List<CompiledTheme> compiled = new ArrayList<>();
        for (ThemeDefinition theme : set.themes()) {
            List<List<WordPattern>> sequences = new ArrayList<>();
            theme.terms().forEach(t -> sequences.add(List.of(WordPattern.of(t, analyzer, theme.name()))));
            theme.phrases().forEach(p -> sequences.add(WordPattern.sequence(p, analyzer, theme.name())));
            List<CompiledNear> near = new ArrayList<>();
            for (ThemeDefinition.NearRule rule : theme.near()) {
                near.add(new CompiledNear(
                        rule.terms().stream().map(w -> WordPattern.of(w, analyzer, theme.name())).toList(),
                        rule.with().stream().map(w -> WordPattern.of(w, analyzer, theme.name())).toList(),
                        rule.window()));
            }
            compiled.add(new CompiledTheme(theme.name(), sequences, near, theme.threshold()));
        }
        return new ThemeMatcher(List.copyOf(compiled));
    }

    /** One result per theme, in theme-file order, for a text and its tokens (from {@link TextAnalyzer#tokens}). */
    public List<ThemeHit> match(String normalizedText, List<Token> tokens) {
        List<ThemeHit> results = new ArrayList<>(themes.size());
        for (CompiledTheme theme : themes) {
            List<Span> hits = theme.hits(tokens);
            hits.sort(Comparator.comparingInt(Span::first).thenComparingInt(Span::last));
            Set<String> terms = new LinkedHashSet<>();
            for (Span hit : hits) {
                terms.add(hit.label(tokens));
            }
            results.add(new ThemeHit(theme.name(), hits.size(), hits.size() >= theme.threshold(),
                    List.copyOf(terms), Snippets.around(normalizedText, tokens, hits, SNIPPET_CONTEXT, MAX_SNIPPETS)));
        }
        return results;
    }

    /** A hit: the tokens from {@code first} to {@code last}; for a proximity hit, the two words at its ends. */
    record Span(int first, int last, boolean pair) {
        String label(List<Token> tokens) {
            if (pair) {
                return tokens.get(first).word() + " … " + tokens.get(last).word();
            }
            StringBuilder sb = new StringBuilder();
            for (int i = first; i <= last; i++) {
                sb.append(i == first ? "" : " ").append(tokens.get(i).word());
            }
            return sb.toString();
        }
    }

    private record CompiledNear(List<WordPattern> terms, List<WordPattern> with, int window) implements Serializable {
        /** One hit per occurrence of a word of {@code terms} that has a {@code with} word within the window. */
        void collect(List<Token> tokens, List<Span> hits) {
            for (int i = 0; i < tokens.size(); i++) {
                if (!WordPattern.anyMatches(terms, tokens.get(i))) {
                    continue;
                }
                int partner = nearest(tokens, i);
                if (partner >= 0) {
                    hits.add(new Span(Math.min(i, partner), Math.max(i, partner), true));
                }
            }
        }

        private int nearest(List<Token> tokens, int at) {
            for (int d = 1; d <= window; d++) {
                if (at - d >= 0 && WordPattern.anyMatches(with, tokens.get(at - d))) {
                    return at - d;
                }
                if (at + d < tokens.size() && WordPattern.anyMatches(with, tokens.get(at + d))) {
                    return at + d;
                }
            }
            return -1;
        }
    }

    private record CompiledTheme(String name, List<List<WordPattern>> sequences, List<CompiledNear> near,
                                 double threshold) implements Serializable {
        List<Span> hits(List<Token> tokens) {
            List<Span> hits = new ArrayList<>();
            for (List<WordPattern> sequence : sequences) {
                for (int i = 0; i + sequence.size() <= tokens.size(); i++) {
                    if (matchesAt(sequence, tokens, i)) {
                        hits.add(new Span(i, i + sequence.size() - 1, false));
                    }
                }
            }
            near.forEach(rule -> rule.collect(tokens, hits));
            return hits;
        }

        private static boolean matchesAt(List<WordPattern> sequence, List<Token> tokens, int at) {
            for (int j = 0; j < sequence.size(); j++) {
                if (!sequence.get(j).matches(tokens.get(at + j))) {
                    return false;
                }
            }
            return true;
        }
    }
}
