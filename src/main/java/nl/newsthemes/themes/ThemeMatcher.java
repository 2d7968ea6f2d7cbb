package nl.newsthemes.themes;

import nl.newsthemes.schema.Decimals;
import nl.newsthemes.config.ThemeDefinition;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.text.TextAnalyzer;
import nl.newsthemes.text.Token;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Set;

/**
 * Finds the themes of one document by its rules (see {@link ThemeDefinition}), on the full word sequence of its text,
 * stopwords included, so that phrases such as {@code akkoorden van Minsk} match as written. Compiled once on the
 * driver, which also checks that every rule word can be matched; serializable, so Spark ships it to the tasks.
 */
public final class ThemeMatcher implements Serializable {
    private static final long serialVersionUID = 2L;

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
            Compiler c = new Compiler(analyzer, theme.name());
            List<CompiledRule> rules = new ArrayList<>();
            for (ThemeDefinition.Rule rule : theme.allRules()) {
                List<Sequence> sequences = new ArrayList<>();
                rule.terms().forEach(t -> sequences.add(c.word(t)));
                rule.phrases().forEach(p -> sequences.add(c.phrase(p)));
                List<CompiledNear> near = new ArrayList<>();
                for (ThemeDefinition.NearRule n : rule.near()) {
                    near.add(new CompiledNear(n.terms().stream().map(c::phrase).toList(),
                            n.with().stream().map(c::phrase).toList(), n.window()));
                }
                rules.add(new CompiledRule(sequences, near, rule.weight(), c.exclusions(rule.exclude())));
            }
            compiled.add(new CompiledTheme(theme.name(), rules, c.exclusions(theme.exclude()), theme.threshold()));
        }
        return new ThemeMatcher(List.copyOf(compiled));
    }

    /** One result per theme, in theme-file order, for a text and its tokens (from {@link TextAnalyzer#tokens}). */
    public List<ThemeHit> match(String normalizedText, List<Token> tokens) {
        List<ThemeHit> results = new ArrayList<>(themes.size());
        TokenIndex index = new TokenIndex(tokens);
        for (CompiledTheme theme : themes) {
            List<Span> hits = theme.hits(index);
            hits.sort(Comparator.comparingInt(Span::first).thenComparingInt(Span::last));
            Set<String> terms = new LinkedHashSet<>();
            double score = 0;
            for (Span hit : hits) {
                terms.add(hit.label(tokens));
                score += hit.weight();
            }
            score = Decimals.round(score);
            results.add(new ThemeHit(theme.name(), score, score >= theme.threshold(), List.copyOf(terms),
                    Snippets.around(normalizedText, tokens, hits, SNIPPET_CONTEXT, MAX_SNIPPETS)));
        }
        return results;
    }

    /**
     * A hit: the tokens from {@code first} to {@code last}. A proximity hit also knows where its first part ends
     * and its second begins, so its label shows the two parts: {@code navo … uitbreidt}.
     */
    record Span(int first, int last, int firstEnd, int secondStart, double weight) {
        static Span of(int first, int last, double weight) {
            return new Span(first, last, last, -1, weight);
        }

        String label(List<Token> tokens) {
            if (secondStart < 0) {
                return words(tokens, first, last);
            }
            return words(tokens, first, firstEnd) + " … " + words(tokens, secondStart, last);
        }

        private static String words(List<Token> tokens, int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i <= to; i++) {
                sb.append(i == from ? "" : " ").append(tokens.get(i).word());
            }
            return sb.toString();
        }
    }

    /** Words in a row; each a stem or a prefix. */
    record Sequence(List<WordPattern> words) implements Serializable {
        boolean matchesAt(List<Token> tokens, int at) {
            if (at + words.size() > tokens.size()) {
                return false;
            }
            for (int j = 0; j < words.size(); j++) {
                if (!words.get(j).matches(tokens.get(at + j))) {
                    return false;
                }
            }
            return true;
        }

        /** Every match in the text as a span, in text order. */
        List<Span> find(TokenIndex index, double weight) {
            List<Span> spans = new ArrayList<>();
            for (int i : index.positions(words.get(0))) {
                if (matchesAt(index.tokens(), i)) {
                    spans.add(Span.of(i, i + words.size() - 1, weight));
                }
            }
            return spans;
        }
    }

    /**
     * Where each word of one text stands, so that a rule looks up the places its first word matches rather than
     * trying every word of the text (a theme file has hundreds of words, a text hundreds of tokens). A pattern's
     * places are found once per text, for every rule that starts with it.
     */
    static final class TokenIndex {
        private final List<Token> tokens;
        /** Sorted, so that the words with a prefix are one range of keys. */
        private final NavigableMap<String, List<Integer>> byWord = new TreeMap<>();
        private final Map<String, List<Integer>> byStem = new HashMap<>();
        private final Map<WordPattern, int[]> places = new HashMap<>();

        TokenIndex(List<Token> tokens) {
            this.tokens = tokens;
            for (int i = 0; i < tokens.size(); i++) {
                byWord.computeIfAbsent(tokens.get(i).word(), w -> new ArrayList<>()).add(i);
                byStem.computeIfAbsent(tokens.get(i).stem(), w -> new ArrayList<>()).add(i);
            }
        }

        List<Token> tokens() {
            return tokens;
        }

        /** The positions of the tokens that {@code pattern} matches, ascending. */
        int[] positions(WordPattern pattern) {
            return places.computeIfAbsent(pattern, this::find);
        }

        private int[] find(WordPattern pattern) {
            if (pattern.kind() == WordPattern.Kind.STEM) {
                return toArray(byStem.getOrDefault(pattern.text(), List.of()));
            }
            Map<String, List<Integer>> candidates = pattern.kind() == WordPattern.Kind.PREFIX
                    ? byWord.subMap(pattern.text(), true, pattern.text() + Character.MAX_VALUE, false) : byWord;
            List<Integer> found = new ArrayList<>();
            candidates.forEach((word, at) -> {
                if (pattern.matches(tokens.get(at.get(0)))) {
                    found.addAll(at);
                }
            });
            int[] sorted = toArray(found);
            Arrays.sort(sorted);
            return sorted;
        }

        private static int[] toArray(List<Integer> positions) {
            return positions.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private record CompiledNear(List<Sequence> terms, List<Sequence> with, int window) implements Serializable {
        /** One hit per occurrence of a {@code terms} sequence with a {@code with} sequence within the window. */
        void collect(TokenIndex index, double weight, List<Span> hits) {
            List<Token> tokens = index.tokens();
            List<Span> partners = new ArrayList<>();
            with.forEach(s -> partners.addAll(s.find(index, weight)));
            if (partners.isEmpty()) {
                return;
            }
            for (Sequence sequence : terms) {
                for (Span a : sequence.find(index, weight)) {
                    Span best = null;
                    int bestDistance = Integer.MAX_VALUE;
                    for (Span b : partners) {
                        int distance = b.first() > a.last() ? b.first() - a.last() : a.first() - b.last();
                        boolean sameSentence = tokens.get(a.first()).sentence() == tokens.get(b.first()).sentence();
                        if (sameSentence && distance >= 1 && distance <= window && distance < bestDistance) {
                            best = b;
                            bestDistance = distance;
                        }
                    }
                    if (best != null) {
                        hits.add(a.first() < best.first()
                                ? new Span(a.first(), best.last(), a.last(), best.first(), weight)
                                : new Span(best.first(), a.last(), best.last(), a.first(), weight));
                    }
                }
            }
        }
    }

    private record CompiledRule(List<Sequence> sequences, List<CompiledNear> near, double weight,
                                List<CompiledExclusion> exclusions) implements Serializable {
        void collect(TokenIndex index, List<Span> hits) {
            List<Span> own = new ArrayList<>();
            sequences.forEach(s -> own.addAll(s.find(index, weight)));
            near.forEach(n -> n.collect(index, weight, own));
            exclusions.forEach(e -> e.cancel(index, own));
            hits.addAll(own);
        }
    }

    private record CompiledExclusion(List<Sequence> sequences, int window) implements Serializable {
        /**
         * Removes the hits this context stands near. Unlike near rules, an exclusion may reach across a sentence
         * end: "... kunnen andere sancties volgen. De NPO kan ..." is about the broadcaster's penalty all the same.
         */
        void cancel(TokenIndex index, List<Span> hits) {
            if (hits.isEmpty()) {
                return;
            }
            List<Span> contexts = new ArrayList<>();
            sequences.forEach(s -> contexts.addAll(s.find(index, 0)));
            hits.removeIf(hit -> contexts.stream().anyMatch(e ->
                    e.first() <= hit.last() + window && e.last() >= hit.first() - window));
        }
    }

    private record CompiledTheme(String name, List<CompiledRule> rules, List<CompiledExclusion> exclusions,
                                 double threshold) implements Serializable {
        List<Span> hits(TokenIndex index) {
            List<Span> hits = new ArrayList<>();
            rules.forEach(r -> r.collect(index, hits));
            exclusions.forEach(e -> e.cancel(index, hits));
            return hits;
        }
    }

    /** Turns the words of a theme file into patterns, with the analyzer the texts are split with. */
    private record Compiler(TextAnalyzer analyzer, String theme) {
        Sequence word(String word) {
            return new Sequence(List.of(WordPattern.of(word, analyzer, theme)));
        }

        Sequence phrase(String phrase) {
            return new Sequence(WordPattern.sequence(phrase, analyzer, theme));
        }

        List<CompiledExclusion> exclusions(List<ThemeDefinition.Exclusion> exclude) {
            List<CompiledExclusion> compiled = new ArrayList<>();
            for (ThemeDefinition.Exclusion e : exclude) {
                List<Sequence> sequences = new ArrayList<>();
                e.terms().forEach(t -> sequences.add(word(t)));
                e.phrases().forEach(p -> sequences.add(phrase(p)));
                compiled.add(new CompiledExclusion(sequences, e.window()));
            }
            return compiled;
        }
    }
}
