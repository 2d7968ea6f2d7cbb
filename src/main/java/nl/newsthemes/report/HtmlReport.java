package nl.newsthemes.report;

import nl.newsthemes.nightly.QualityGate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

/**
 * {@code report.html}: one self-contained page per run for people who do not write code. Theme shares per month as
 * charts with their 95% intervals and as a table, the topics with their words and their share per month, the
 * distinctive terms per month, evidence for each theme, and how the run went.
 *
 * <p>Everything from the articles is data: every value is HTML-escaped, and the page's Content-Security-Policy
 * allows no script, no frame and nothing from outside (styles inline, images only as {@code data:}), so a hostile
 * title can neither run nor fetch anything even if it got through. The charts are inline SVG ({@link ReportCharts}).
 */
final class HtmlReport {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    static String render(ReportData data, RunSummary run) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>News themes: run ").append(esc(run.runId())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        summary(html, data, run);
        themes(html, data, run);
        topics(html, data, run);
        terms(html, data);
        evidence(html, data, run);
        runDetails(html, run);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, ReportData data, RunSummary run) {
        List<String> months = data.months();
        html.append("<h1>News themes</h1>\n<p class=\"lead\">")
                .append(fmt("%d articles loaded (%d of them near-copies of an earlier one), %d rejected, from %d files",
                        run.ingested().loaded(), run.nearDuplicates(), run.ingested().rejected(), run.listing().files().size()));
        if (!months.isEmpty()) {
            html.append(fmt("; %d months, %s to %s", months.size(), months.get(0), months.get(months.size() - 1)));
        }
        html.append(".</p>\n<p class=\"meta\">Run <code>").append(esc(run.runId())).append("</code>, ")
                .append(esc(run.mode().incremental() ? "incremental" : "full")).append(" run, seed ")
                .append(run.config().seed()).append(", ").append(run.topics().used()).append(" topics")
                .append(run.topics().reason().isEmpty() ? "" : " (" + esc(run.topics().reason()) + ")")
                .append(". Quality gate: ").append(run.gate().passed() ? "passed" : "FAILED").append(".</p>\n");
    }

    private static void themes(StringBuilder html, ReportData data, RunSummary run) {
        List<String> months = data.months();
        html.append("<h2 id=\"themes\">Themes per month</h2>\n<p>Share of each month's articles that have the theme; "
                + "the bars are 95% intervals (Wilson), wide where a month has few articles.</p>\n");
        if (months.isEmpty()) {
            html.append("<p>No articles were loaded.</p>\n");
            return;
        }
        double maxPercent = data.themeMonthly().stream().mapToDouble(ReportData.ThemeMonth::shareHigh).max().orElse(0);
        // A common scale for every theme, rounded up to a step of 5%, at least 5%.
        maxPercent = Math.max(5, Math.ceil(100 * maxPercent / 5) * 5);
        html.append("<div class=\"charts\">\n");
        int i = 0;
        for (String theme : run.themes().names()) {
            List<ReportData.ThemeMonth> rows = data.themeMonthly().stream().filter(r -> r.theme().equals(theme)).toList();
            html.append("<figure class=\"theme-chart\" data-theme=\"").append(esc(theme)).append("\">")
                    .append(ReportCharts.themeShare(theme, rows, months, maxPercent, "t" + i++ + "-"))
                    .append("</figure>\n");
        }
        html.append("</div>\n");

        html.append("<table class=\"theme-table\">\n<thead><tr><th>theme</th>");
        months.forEach(m -> html.append("<th>").append(esc(m)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        Map<String, Map<String, ReportData.ThemeMonth>> byTheme = new TreeMap<>();
        data.themeMonthly().forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new TreeMap<>()).put(r.month(), r));
        for (String theme : run.themes().names()) {
            html.append("<tr><th>").append(esc(theme)).append("</th>");
            for (String month : months) {
                ReportData.ThemeMonth r = byTheme.getOrDefault(theme, Map.of()).get(month);
                html.append(r == null ? "<td></td>" : fmt("<td title=\"%d of %d articles; top terms: %s\">%.1f%% "
                                + "<span class=\"ci\">(%.1f–%.1f)</span></td>", r.themeArticles(), r.articles(),
                        esc(String.join(", ", r.topTerms())), 100 * r.share(), 100 * r.shareLow(), 100 * r.shareHigh()));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void topics(StringBuilder html, ReportData data, RunSummary run) {
        html.append("<h2 id=\"topics\">Topics</h2>\n");
        if (data.topics().isEmpty()) {
            html.append("<p>No topics were fitted: ").append(esc(run.topics().reason())).append(".</p>\n");
            return;
        }
        List<String> months = data.months();
        html.append("<figure class=\"topic-chart\">")
                .append(ReportCharts.topicShares(data.topicMonthly(), data.topics(), months, "p-"))
                .append("</figure>\n");
        Map<String, Double> share = new TreeMap<>();
        data.topicMonthly().forEach(r -> share.put(r.topic() + "/" + r.month(), r.meanShare()));
        html.append("<p>Coherence is the mean NPMI of a topic's top 10 words over the articles: 0.3 and above reads as a "
                + "subject, near 0 as a mix.</p>\n");
        html.append("<table class=\"topic-table\">\n<thead><tr><th>topic</th><th>words</th><th>coherence</th>"
                + "<th>closest theme</th>");
        months.forEach(m -> html.append("<th>").append(esc(m)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (ReportData.Topic t : data.topics()) {
            html.append("<tr><th>").append(t.topic()).append("</th><td>").append(esc(String.join(", ", t.terms())))
                    .append("</td>").append(fmt("<td class=\"num\">%.2f</td><td>%s</td>", t.npmi(), esc(t.closestTheme())));
            for (String month : months) {
                double s = share.getOrDefault(t.topic() + "/" + month, 0.0);
                // The cell's shade grows with the share: a heat map that needs no script.
                html.append(fmt("<td class=\"num\" style=\"background: rgba(31, 95, 159, %.2f)\">%.1f%%</td>",
                        Math.min(0.8, s * 1.6), 100 * s));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void terms(StringBuilder html, ReportData data) {
        html.append("<h2 id=\"terms\">Distinctive terms per month</h2>\n<p>Highest mean TF-IDF first.</p>\n")
                .append("<table class=\"terms-table\">\n<thead><tr><th>month</th><th>terms</th></tr></thead>\n<tbody>\n");
        data.termsByMonth().forEach((month, terms) -> html.append("<tr><th>").append(esc(month)).append("</th><td>")
                .append(esc(String.join(", ", terms))).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n");
    }

    private static void evidence(StringBuilder html, ReportData data, RunSummary run) {
        html.append("<h2 id=\"evidence\">Evidence</h2>\n<p>The articles with the highest scores for each theme, "
                + "with the words that hit and where.</p>\n");
        for (String theme : run.themes().names()) {
            html.append("<section class=\"evidence\" data-theme=\"").append(esc(theme)).append("\">\n<h3>")
                    .append(esc(theme)).append("</h3>\n");
            String description = run.themes().themes().stream().filter(t -> t.name().equals(theme))
                    .map(t -> t.description() == null ? "" : t.description()).findFirst().orElse("");
            if (!description.isEmpty()) {
                html.append("<p class=\"meta\">").append(esc(description)).append("</p>\n");
            }
            List<ReportData.Evidence> rows = data.evidenceOf(theme);
            if (rows.isEmpty()) {
                html.append("<p>No article has this theme.</p>\n");
            }
            for (ReportData.Evidence e : rows) {
                html.append("<article>\n<p><strong>").append(titleLinked(e.title(), e.url())).append("</strong> ")
                        .append(fmt("<span class=\"meta\">%s, score %s, <code>%s</code></span></p>\n", esc(e.month()),
                                number(e.score()), esc(e.docId())))
                        .append("<p class=\"meta\">matched: ").append(esc(String.join(", ", e.matchedTerms())))
                        .append("</p>\n");
                e.snippets().forEach(s -> html.append("<blockquote>").append(esc(s)).append("</blockquote>\n"));
                html.append("</article>\n");
            }
            html.append("</section>\n");
        }
    }

    /**
     * The title, as a link to the article when its url is an absolute http or https address; any other url (a
     * {@code javascript:} or {@code data:} one, a relative or malformed one) is shown as text after the title, never as
     * a link. A link leaves the report without the report's address (no referrer) and without a handle on it.
     */
    static String titleLinked(String title, String url) {
        if (url == null) {
            return esc(title);
        }
        if (ReportData.webAddress(url) != null) {
            return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(title) + "</a>";
        }
        return esc(title) + " <span class=\"meta\">" + esc(url) + "</span>";
    }

    private static void runDetails(StringBuilder html, RunSummary run) {
        html.append("<h2 id=\"run\">Run</h2>\n<table class=\"stages\">\n<thead><tr><th>stage</th><th>seconds</th>"
                + "<th>detail</th></tr></thead>\n<tbody>\n");
        run.stages().forEach(s -> html.append(fmt("<tr><td>%s</td><td class=\"num\">%.1f</td><td>%s</td></tr>\n",
                esc(s.name()), s.seconds(), esc(s.detail()))));
        html.append("</tbody>\n</table>\n<h3>Quality gate</h3>\n<ul>\n");
        for (QualityGate.Check check : run.gate().checks()) {
            html.append("<li>").append(check.passed() ? "passed" : "<strong>FAILED</strong>").append(": ")
                    .append(esc(check.name())).append(" — ").append(esc(check.detail())).append("</li>\n");
        }
        html.append("</ul>\n<h3>Rejected input</h3>\n");
        Map<String, Long> reasons = run.ingested().rejectsByReason();
        if (reasons.isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<ul>\n");
            reasons.forEach((reason, n) -> html.append(fmt("<li>%s: %d</li>\n", esc(reason), n)));
            html.append("</ul>\n<p>Every rejected file and record, with its reason, is in the <code>rejects</code> table.</p>\n");
        }
    }

    private static String esc(String text) {
        return text == null ? "" : escapeHtml4(text);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A score as people write it: 3, not 3.0; 1.5 stays 1.5. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : fmt("%.2f", value);
    }

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; }
            h1 { margin-bottom: 0.2em; }
            .lead { font-size: 1.15em; margin-top: 0; }
            .meta { color: #666; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 0.5em; }
            figure { margin: 0; }
            svg { width: 100%; height: auto; display: block; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            td.num, .theme-table td { text-align: right; white-space: nowrap; }
            .ci { color: #777; font-size: 0.85em; }
            blockquote { margin: 0.3em 0 0.3em 1em; padding-left: 0.8em; border-left: 3px solid #9bb4cc; color: #333; }
            article { margin-bottom: 1em; }
            """;
}
