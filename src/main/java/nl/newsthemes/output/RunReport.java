package nl.newsthemes.output;

import nl.newsthemes.RunSummary;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static nl.newsthemes.ThemesPipeline.*;
import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * {@code report.md}: the run at a glance for a person, in Markdown (readable as text, rendered by any Git host or
 * notebook): theme shares per month, topics with their words and monthly shares, distinctive terms per month, and
 * evidence for each theme. Built from the tables just written, so it shows exactly what they hold.
 */
public final class RunReport {
    static final int EVIDENCE_PER_THEME = 3;
    static final int TERMS_SHOWN = 10;

    private RunReport() {
    }

    public static void write(SparkSession spark, Path folder, FileSystem fs, RunSummary run) {
        StringBuilder md = new StringBuilder();
        md.append("# News themes report\n\n");
        md.append(String.format(Locale.ROOT, "Run `%s`: %d articles loaded, %d rejected, from %d files. Seed %d, %d topics%s.%n%n",
                run.runId(), run.ingested().loaded(), run.ingested().rejected(), run.listing().files().size(),
                run.config().seed(), run.topics().used(),
                run.topics().reason().isEmpty() ? "" : " (" + run.topics().reason() + ")"));

        md.append("## Themes per month\n\n");
        md.append("| month | theme | articles | with theme | share | 95% interval | change | top terms |\n"
                + "|---|---|---:|---:|---:|---|---:|---|\n");
        for (Row r : read(spark, folder, THEME_MONTHLY).orderBy(MONTH, THEME).collectAsList()) {
            Double change = r.getAs(SHARE_CHANGE);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f%% | %.1f–%.1f%% | %s | %s |%n",
                    r.getAs(MONTH), r.getAs(THEME), r.<Long>getAs(ARTICLES), r.<Long>getAs(THEME_ARTICLES),
                    100 * r.<Double>getAs(SHARE), 100 * r.<Double>getAs(SHARE_LOW), 100 * r.<Double>getAs(SHARE_HIGH),
                    change == null ? "" : String.format(Locale.ROOT, "%+.1f", 100 * change),
                    cell(String.join(", ", r.<String>getList(r.fieldIndex(TOP_TERMS))))));
        }

        md.append("\n## Topics\n\n");
        Dataset<Row> topics = read(spark, folder, TOPICS);
        if (topics.isEmpty()) {
            md.append("No topics were fitted: ").append(run.topics().reason()).append("\n");
        } else {
            md.append("| topic | words |\n|---:|---|\n");
            for (Row r : topics.groupBy(TOPIC).agg(array_sort(collect_list(struct(col(RANK), col(TERM)))).as("t"))
                    .orderBy(TOPIC).collectAsList()) {
                List<Row> terms = r.getList(1);
                md.append("| ").append(r.getInt(0)).append(" | ")
                        .append(cell(String.join(", ", terms.stream().map(t -> t.getString(1)).toList()))).append(" |\n");
            }
            md.append("\nMean share of each topic per month:\n\n| month | topic | label | mean share | dominant in |\n|---|---:|---|---:|---:|\n");
            for (Row r : read(spark, folder, TOPIC_MONTHLY).orderBy(MONTH, TOPIC).collectAsList()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %d |%n", r.getAs(MONTH), r.<Integer>getAs(TOPIC),
                        cell(r.getAs(LABEL)), r.<Double>getAs(MEAN_SHARE), r.<Long>getAs(DOMINANT_ARTICLES)));
            }
        }

        md.append("\n## Distinctive terms per month\n\n| month | terms (TF-IDF, highest first) |\n|---|---|\n");
        for (Row r : read(spark, folder, TERMS_MONTHLY).filter(col(RANK).leq(TERMS_SHOWN))
                .groupBy(MONTH).agg(array_sort(collect_list(struct(col(RANK), col(TERM)))).as("t"))
                .orderBy(MONTH).collectAsList()) {
            List<Row> terms = r.getList(1);
            md.append("| ").append(r.getString(0)).append(" | ")
                    .append(cell(String.join(", ", terms.stream().map(t -> t.getString(1)).toList()))).append(" |\n");
        }

        md.append("\n## Evidence\n\n");
        Dataset<Row> documents = read(spark, folder, DOCUMENTS).select(DOC_ID, TITLE, PATH);
        List<Row> evidence = read(spark, folder, DOC_THEMES).filter(col(MATCHED))
                .withColumn(RANK, row_number().over(Window.partitionBy(THEME).orderBy(desc(SCORE), asc(DOC_ID))))
                .filter(col(RANK).leq(EVIDENCE_PER_THEME))
                .join(documents, DOC_ID)
                .orderBy(THEME, RANK).collectAsList();
        for (String theme : run.themes().names()) {
            md.append("### ").append(theme).append("\n\n");
            List<Row> rows = evidence.stream().filter(r -> theme.equals(r.getAs(THEME))).toList();
            if (rows.isEmpty()) {
                md.append("No article has this theme.\n\n");
            }
            for (Row r : rows) {
                String title = r.getAs(TITLE) == null ? r.<String>getAs(PATH) : r.<String>getAs(TITLE);
                List<String> snippets = r.getList(r.fieldIndex(EVIDENCE));
                md.append(String.format(Locale.ROOT, "- `%s` %s (%s, score %.0f): %s%n", r.getAs(DOC_ID), cell(title),
                        r.getAs(MONTH), r.<Double>getAs(SCORE), snippets.isEmpty() ? "" : "> " + cell(snippets.get(0))));
            }
            md.append('\n');
        }

        md.append("## Run\n\n| stage | seconds | detail |\n|---|---:|---|\n");
        run.stages().forEach(s -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %s |%n", s.name(), s.seconds(), cell(s.detail()))));
        md.append("\nRejected by reason: ");
        Map<String, Long> reasons = run.ingested().rejectsByReason();
        md.append(reasons.isEmpty() ? "none" : reasons.toString()).append('\n');

        try (FSDataOutputStream out = fs.create(new Path(folder, "report.md"), false)) {
            out.write(md.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report: " + e.getMessage(), e);
        }
    }

    private static Dataset<Row> read(SparkSession spark, Path folder, String table) {
        return spark.read().parquet(new Path(folder, table).toString());
    }

    /** Text safe inside a Markdown table cell: one line, no column breaks. */
    static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").replace("|", "\\|");
    }
}
