package nl.newsthemes.report;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run at a glance for a person, in two forms built from the same {@link ReportData}: {@code report.md}
 * (readable as text, rendered by any Git host or notebook) and {@code report.html} (a self-contained page with
 * charts, see {@link HtmlReport}). Both show theme shares per month, topics with their words and monthly shares,
 * distinctive terms per month, evidence for each theme, and the run's stages.
 */
public final class RunReport {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    static final int EVIDENCE_PER_THEME = 3;
    static final int TERMS_SHOWN = 10;

    private RunReport() {
    }

    public static void write(SparkSession spark, Path folder, FileSystem fs, RunSummary run) {
        ReportData data = ReportData.load(spark, folder, EVIDENCE_PER_THEME, TERMS_SHOWN);
        writeFile(fs, new Path(folder, MARKDOWN), markdown(data, run));
        writeFile(fs, new Path(folder, HTML), HtmlReport.render(data, run));
    }

    static String markdown(ReportData data, RunSummary run) {
        StringBuilder md = new StringBuilder();
        md.append("# News themes report\n\n");
        md.append(String.format(Locale.ROOT, "Run `%s`: %d articles loaded, %d rejected, from %d files. Seed %d, %d topics%s.%n%n",
                run.runId(), run.ingested().loaded(), run.ingested().rejected(), run.listing().files().size(),
                run.config().seed(), run.topics().used(),
                run.topics().reason().isEmpty() ? "" : " (" + run.topics().reason() + ")"));

        md.append("## Themes per month\n\n");
        md.append("| month | theme | articles | with theme | share | 95% interval | change | top terms |\n"
                + "|---|---|---:|---:|---:|---|---:|---|\n");
        for (ReportData.ThemeMonth r : data.themeMonthly()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f%% | %.1f–%.1f%% | %s | %s |%n",
                    r.month(), r.theme(), r.articles(), r.themeArticles(),
                    100 * r.share(), 100 * r.shareLow(), 100 * r.shareHigh(),
                    r.change() == null ? "" : String.format(Locale.ROOT, "%+.1f", 100 * r.change()),
                    cell(String.join(", ", r.topTerms()))));
        }

        md.append("\n## Topics\n\n");
        if (data.topics().isEmpty()) {
            md.append("No topics were fitted: ").append(run.topics().reason()).append("\n");
        } else {
            md.append("| topic | words |\n|---:|---|\n");
            for (ReportData.Topic t : data.topics()) {
                md.append("| ").append(t.topic()).append(" | ").append(cell(String.join(", ", t.terms()))).append(" |\n");
            }
            md.append("\nMean share of each topic per month:\n\n| month | topic | label | mean share | dominant in |\n|---|---:|---|---:|---:|\n");
            for (ReportData.TopicMonth r : data.topicMonthly()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %d |%n", r.month(), r.topic(),
                        cell(r.label()), r.meanShare(), r.dominantArticles()));
            }
        }

        md.append("\n## Distinctive terms per month\n\n| month | terms (TF-IDF, highest first) |\n|---|---|\n");
        data.termsByMonth().forEach((month, terms) ->
                md.append("| ").append(month).append(" | ").append(cell(String.join(", ", terms))).append(" |\n"));

        md.append("\n## Evidence\n\n");
        for (String theme : run.themes().names()) {
            md.append("### ").append(theme).append("\n\n");
            List<ReportData.Evidence> rows = data.evidenceOf(theme);
            if (rows.isEmpty()) {
                md.append("No article has this theme.\n\n");
            }
            for (ReportData.Evidence e : rows) {
                md.append(String.format(Locale.ROOT, "- `%s` %s (%s, score %.0f): %s%n", e.docId(), titleLinked(e),
                        e.month(), e.score(), e.snippets().isEmpty() ? "" : "> " + cell(e.snippets().get(0))));
            }
            md.append('\n');
        }

        md.append("## Run\n\n| stage | seconds | detail |\n|---|---:|---|\n");
        run.stages().forEach(s -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %s |%n", s.name(), s.seconds(), cell(s.detail()))));
        md.append("\nRejected by reason: ");
        Map<String, Long> reasons = run.ingested().rejectsByReason();
        md.append(reasons.isEmpty() ? "none" : reasons.toString()).append('\n');
        return md.toString();
    }

    private static void writeFile(FileSystem fs, Path path, String text) {
        try (FSDataOutputStream out = fs.create(path, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The title, as a Markdown link when the article's url is a web address (the same rule as the HTML report's);
     * brackets in the title are escaped so that it cannot close the link text or make a link of its own.
     */
    static String titleLinked(ReportData.Evidence e) {
        String title = cell(e.title()).replace("[", "\\[").replace("]", "\\]");
        String url = ReportData.webAddress(e.url());
        return url == null ? title : "[" + title + "](<" + url + ">)";
    }

    /** Text safe inside a Markdown table cell: one line, no column breaks. */
    static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").replace("|", "\\|");
    }
}
