package nl.newsthemes.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An evidence title links to its article, in the HTML and the Markdown report, only for an absolute web address; every
 * other url stays text.
 */
class EvidenceLinksTest {

    @Test
    void webAddressesBecomeLinks() {
        assertEquals("<a href=\"https://nos.nl/artikel/1?a=1&amp;b=2\" rel=\"noopener noreferrer\">Sancties &amp; NAVO</a>",
                HtmlReport.titleLinked("Sancties & NAVO", "https://nos.nl/artikel/1?a=1&b=2"));
        assertEquals("<a href=\"HTTP://nos.nl/x\" rel=\"noopener noreferrer\">t</a>", HtmlReport.titleLinked("t", "HTTP://nos.nl/x"));
    }

    @Test
    void anyOtherUrlIsText() {
        assertEquals("t <span class=\"meta\">javascript:alert(1)</span>", HtmlReport.titleLinked("t", "javascript:alert(1)"));
        assertEquals("t <span class=\"meta\">data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</span>",
                HtmlReport.titleLinked("t", "data:text/html,<script>alert(1)</script>"));
        assertEquals("t <span class=\"meta\">/artikel/1</span>", HtmlReport.titleLinked("t", "/artikel/1"));
        assertEquals("t <span class=\"meta\">ftp://nos.nl/x</span>", HtmlReport.titleLinked("t", "ftp://nos.nl/x"));
        // Not a URI at all (a quote and a space), and a web scheme without a host.
        assertEquals("t <span class=\"meta\">https://nos.nl/&quot;&gt; x</span>", HtmlReport.titleLinked("t", "https://nos.nl/\"> x"));
        assertEquals("t <span class=\"meta\">https:artikel</span>", HtmlReport.titleLinked("t", "https:artikel"));
        assertEquals("&lt;b&gt;t&lt;/b&gt;", HtmlReport.titleLinked("<b>t</b>", null));
    }

    @Test
    void markdownLinksOnlyWebAddresses() {
        assertEquals("[Sancties \\[update\\]](<https://nos.nl/artikel/1>)",
                RunReport.titleLinked(evidence("Sancties [update]", "https://nos.nl/artikel/1")));
        // A title cannot make a link of its own, and a javascript: url is left out of the Markdown.
        assertEquals("\\[klik\\](javascript:alert(1))", RunReport.titleLinked(evidence("[klik](javascript:alert(1))", null)));
        assertEquals("t", RunReport.titleLinked(evidence("t", "javascript:alert(1)")));
    }

    private static ReportData.Evidence evidence(String title, String url) {
        return new ReportData.Evidence("sanctions", "d1", "2022-01", title, url, 5, List.of("sancties"), List.of());
    }
}
