package nl.newsthemes.text;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of a text, as spans: each line on its own, cut into sentences by the JDK's {@link BreakIterator} for
 * Dutch. Lines first, because the lines a newspaper adds under its articles ("NRC Cultuurgids", "Reageren?") often end
 * without a full stop. Not thread-safe (a BreakIterator holds its text): one per task.
 */
public final class Sentences {
    /**
     * A sentence of a text: {@code start} inclusive, {@code end} exclusive, white space at either end left out;
     * {@code wholeLine} when it is all its line holds.
     */
    public record Span(int start, int end, boolean wholeLine) {
    }

    private final BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.forLanguageTag("nl"));

    /** The sentences of {@code text} in text order; none for a blank text. */
    public List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            if (lineEnd > lineStart) {
                addSentences(text, lineStart, lineEnd, spans);
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private void addSentences(String text, int from, int to, List<Span> spans) {
        breaks.setText(new StringCharacterIterator(text, from, to, from)); // offsets into text, no copy of the line
        int first = spans.size();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            int s = start;
            int e = end;
            while (s < e && blank(text.charAt(s))) {
                s++;
            }
            while (e > s && blank(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                spans.add(new Span(s, e, false));
            }
        }
        if (spans.size() == first + 1) {
            Span only = spans.get(first);
            spans.set(first, new Span(only.start(), only.end(), true));
        }
    }

    /**
     * A sentence as it is compared across articles: its white space runs (no-break spaces included) folded into one
     * space, so that a line typed with a double space somewhere still counts as the same line, and every e-mail or web
     * address as {@link #ADDRESS}, so that a newspaper's line that only names another desk's address ("Send your story
     * ideas to bristol@bbc.co.uk") counts as the same line too.
     */
    public static String key(String text, Span span) {
        String folded = folded(text, span);
        if (folded.indexOf('@') < 0 && !folded.contains("http") && !folded.contains("www.")) {
            return folded;
        }
        return ADDRESSES.matcher(folded).replaceAll(ADDRESS);
    }

    /** What an e-mail or web address is in a {@link #key}. */
    public static final String ADDRESS = "<address>";

    private static final java.util.regex.Pattern ADDRESSES = java.util.regex.Pattern.compile(
            "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|(?:https?://|www\\.)[^\\s]*[^\\s.,;:!?)]");

    private static String folded(String text, Span span) {
        StringBuilder key = new StringBuilder(span.end() - span.start());
        boolean space = false;
        for (int i = span.start(); i < span.end(); i++) {
            char c = text.charAt(i);
            if (blank(c)) {
                space = true;
            } else {
                if (space) {
                    key.append(' ');
                    space = false;
                }
                key.append(c);
            }
        }
        return key.toString();
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
