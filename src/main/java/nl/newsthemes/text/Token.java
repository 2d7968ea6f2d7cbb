package nl.newsthemes.text;

/**
 * One word of a text.
 *
 * @param word     the lower-cased surface word, as it stands in the (normalized) text
 * @param stem     its stem in the text's language, what features and theme terms are matched on
 * @param start    offset of its first character in the normalized text
 * @param end      offset after its last character
 * @param content  false for stopwords, news filler words and words shorter than the minimum length
 * @param sentence number of the sentence the word stands in, from 0 (see {@link TextAnalyzer})
 */
public record Token(String word, String stem, int start, int end, boolean content, int sentence) {
}
