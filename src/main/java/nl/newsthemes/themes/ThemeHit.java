package nl.newsthemes.themes;

import java.util.List;

/**
 * The outcome of one theme on one document.
 *
 * @param theme        theme name
 * @param score        the weights of the rules that hit, added up
 * @param matched      score reached the theme's threshold
 * @param matchedTerms the distinct words (as written, lower-cased) that hit, in text order
 * @param evidence     up to three snippets of the text around the first distinct hits
 */
public record ThemeHit(String theme, double score, boolean matched, List<String> matchedTerms, List<String> evidence) {
}
