package nl.newsthemes.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a text file: optional white space, the word {@code date}, white space, then {@code YYYY-MM} or
 * {@code YYYY-MM-DD}. In the sample the article starts on the same line, after the date; everything after the date
 * is the article.
 *
 * @param date the normalized date
 * @param body the article: the rest of the first line and the lines after it
 */
public record DateHeader(String date, String body) {
    private static final Pattern HEADER = Pattern.compile("\\A[ \\t]*date[ \\t]+(\\S+)(?:[ \\t]+|(?=\\n)|\\z)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Splits a file's text into header and body, or throws an {@link IllegalArgumentException} whose message is
     * the reject reason.
     */
    public static DateHeader parse(String text) {
        Matcher m = HEADER.matcher(text);
        if (!m.find()) {
            String firstLine = text.lines().findFirst().orElse("").strip();
            throw new IllegalArgumentException(RejectReason.NO_DATE_HEADER.because(
                    "the first line must start with 'date YYYY-MM', found '" + ArticleDate.shorten(firstLine) + "'"));
        }
        String date;
        try {
            date = ArticleDate.normalize(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RejectReason.INVALID_DATE_HEADER.because(e.getMessage()));
        }
        return new DateHeader(date, text.substring(m.end()).strip());
    }
}
