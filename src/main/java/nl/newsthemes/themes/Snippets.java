package nl.newsthemes.themes;

import nl.newsthemes.text.Token;

import java.util.ArrayList;
import java.util.List;

/** Evidence snippets: the text around a hit, cut at word boundaries, white space folded, {@code …} where cut. */
final class Snippets {
    private Snippets() {
    }

    /** Up to {@code max} snippets for hits in text order, skipping hits inside an earlier snippet. */
    static List<String> around(String text, List<Token> tokens, List<ThemeMatcher.Span> hits, int context, int max) {
        List<String> snippets = new ArrayList<>();
        int coveredUntil = -1;
        for (ThemeMatcher.Span hit : hits) {
            if (snippets.size() == max) {
                break;
            }
            int hitStart = tokens.get(hit.first()).start();
            int hitEnd = tokens.get(hit.last()).end();
            if (hitStart < coveredUntil) {
                continue;
            }
            int from = Math.max(0, hitStart - context);
            int to = Math.min(text.length(), hitEnd + context);
            while (from > 0 && from < hitStart && !Character.isWhitespace(text.charAt(from - 1))) {
                from++;
            }
            while (to < text.length() && to > hitEnd && !Character.isWhitespace(text.charAt(to))) {
                to--;
            }
            String body = text.substring(from, to).replaceAll("\\s+", " ").strip();
            snippets.add((from > 0 ? "…" : "") + body + (to < text.length() ? "…" : ""));
            coveredUntil = to;
        }
        return snippets;
    }
}
