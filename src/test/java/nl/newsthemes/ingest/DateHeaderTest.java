package nl.newsthemes.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateHeaderTest {
    @Test
    void sampleHeaderWithTheArticleOnTheSameLine() {
        DateHeader h = DateHeader.parse(" date 2022-01 De Amerikaanse president Biden heeft\n\nZelensky zei");
        assertEquals("2022-01", h.date());
        assertEquals("De Amerikaanse president Biden heeft\n\nZelensky zei", h.body());
    }

    @Test
    void headerOnItsOwnLineWithAFullDate() {
        DateHeader h = DateHeader.parse("date 2021-12-09\nJoe Biden en Vladimir Poetin");
        assertEquals("2021-12-09", h.date());
        assertEquals("Joe Biden en Vladimir Poetin", h.body());
        assertEquals("2021-12", ArticleDate.month(h.date()));
    }

    @Test
    void tabsAndUpperCaseAreAccepted() {
        assertEquals("2022-02", DateHeader.parse("\tDATE\t2022-02 tekst").date());
    }

    @Test
    void headerWithoutBodyParsesToAnEmptyBody() {
        assertEquals("", DateHeader.parse("date 2022-01\n").body());
        assertEquals("", DateHeader.parse("date 2022-01").body());
    }

    @Test
    void badHeadersSayWhatIsWrong() {
        assertEquals("invalid date header: invalid date '2022-13': Invalid value for MonthOfYear (valid values 1 - 12): 13",
                assertThrows(IllegalArgumentException.class, () -> DateHeader.parse("date 2022-13 tekst")).getMessage());
        assertEquals("invalid date header: invalid date '22-1': expected YYYY-MM or YYYY-MM-DD",
                assertThrows(IllegalArgumentException.class, () -> DateHeader.parse("date 22-1 tekst")).getMessage());
        assertEquals("invalid date header: invalid date '2022-02-30': Invalid date 'FEBRUARY 30'",
                assertThrows(IllegalArgumentException.class, () -> DateHeader.parse("date 2022-02-30 tekst")).getMessage());
        assertEquals("no date header: the first line must start with 'date YYYY-MM', found 'Date: 2022-01 tekst'",
                assertThrows(IllegalArgumentException.class, () -> DateHeader.parse("Date: 2022-01 tekst")).getMessage());
        assertEquals("no date header: the first line must start with 'date YYYY-MM', found 'De Amerikaanse president'",
                assertThrows(IllegalArgumentException.class, () -> DateHeader.parse("De Amerikaanse president\ndate 2022-01")).getMessage());
        assertEquals("no date header: the first line must start with 'date YYYY-MM', found 'dated 2022-01'",
                assertThrows(IllegalArgumentException.class, () -> DateHeader.parse("dated 2022-01")).getMessage());
    }

    @Test
    void tabularDatesMayCarryATime() {
        assertEquals("2022-06-01", ArticleDate.normalize("2022-06-01T10:15:00Z"));
        assertEquals("2022-06-01", ArticleDate.normalize(" 2022-06-01 10:15 "));
        assertEquals("2022-06", ArticleDate.normalize("2022-06"));
        assertEquals("missing date", assertThrows(IllegalArgumentException.class, () -> ArticleDate.normalize(" ")).getMessage());
        assertEquals("invalid date '01-06-2022': expected YYYY-MM or YYYY-MM-DD",
                assertThrows(IllegalArgumentException.class, () -> ArticleDate.normalize("01-06-2022")).getMessage());
    }
}
