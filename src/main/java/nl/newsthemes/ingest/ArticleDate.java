package nl.newsthemes.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article dates: {@code YYYY-MM} or {@code YYYY-MM-DD}, optionally followed by a time ({@code 2022-06-01T10:00:00Z}
 * or {@code 2022-06-01 10:00}), which is dropped. The month of an article is the first seven characters.
 */
public final class ArticleDate {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?(?:[T ]\\S.*)?");

    private ArticleDate() {
    }

    /**
     * The date written the canonical way, or an {@link IllegalArgumentException} whose message is the reason a
     * reader is shown.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(RejectReason.MISSING_DATE.label());
        }
        String value = raw.strip();
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(RejectReason.INVALID_DATE.followedBy(" '" + shorten(value) + "': expected YYYY-MM or YYYY-MM-DD"));
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        try {
            if (m.group(3) == null) {
                return YearMonth.of(year, month).toString();
            }
            return LocalDate.of(year, month, Integer.parseInt(m.group(3))).toString();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(RejectReason.INVALID_DATE.followedBy(" '" + shorten(value) + "': " + e.getMessage()));
        }
    }

    public static String month(String normalizedDate) {
        return normalizedDate.substring(0, 7);
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
