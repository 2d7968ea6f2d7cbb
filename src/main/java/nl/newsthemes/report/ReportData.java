package nl.newsthemes.report;

import nl.newsthemes.output.TableWriter;
import nl.newsthemes.spark.ConcurrentJobs;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static nl.newsthemes.schema.Columns.*;
import static nl.newsthemes.schema.Tables.*;
import static org.apache.spark.sql.functions.*;

/**
 * What the reports show, read once from the tables a run has just staged, so that {@code report.md} and
 * {@code report.html} show exactly what the tables hold. Everything here is small: one row per month and theme or
 * topic, a few terms per month, a few evidence snippets per theme.
 *
 * @param themeMonthly  {@code theme_monthly}, by month, then theme
 * @param topics        each topic's top terms, by topic
 * @param topicMonthly  {@code topic_monthly}, by month, then topic
 * @param termsByMonth  the most distinctive terms of each month, highest TF-IDF first, months in order
 * @param evidence      the highest-scoring matched articles of each theme, by theme, then rank
 */
public record ReportData(List<ThemeMonth> themeMonthly, List<Topic> topics, List<TopicMonth> topicMonthly,
                         Map<String, List<String>> termsByMonth, List<Evidence> evidence) {

    /** One row of {@code theme_monthly}; {@code change} is null for a theme's first month. */
    public record ThemeMonth(String month, String theme, long articles, long themeArticles, double share,
                             double shareLow, double shareHigh, Double change, List<String> topTerms) {
    }

    /** A topic with its top terms, its coherence and its closest theme (null when none). */
    public record Topic(int topic, String label, List<String> terms, double npmi, String closestTheme) {
    }

    public record TopicMonth(String month, int topic, String label, double meanShare, long dominantArticles) {
    }

    /**
     * A matched article of a theme: {@code title} falls back to the article's file name (text files have none);
     * {@code url} is the article's as given, or null.
     */
    public record Evidence(String theme, String docId, String month, String title, String url, double score,
                           List<String> matchedTerms, List<String> snippets) {
    }

    /**
     * The url when it is an absolute http or https address with a host, the only kind the reports link to; otherwise
     * null (a {@code javascript:} or {@code data:} url, a relative or malformed one).
     */
    static String webAddress(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * @param folder          the staged run
     * @param evidencePerTheme matched articles shown per theme
     * @param termsShown       distinctive terms shown per month
     */
    @SuppressWarnings("unchecked")
    public static ReportData load(SparkSession spark, Path folder, int evidencePerTheme, int termsShown) {
        // Five small independent queries: run at once (see ConcurrentJobs).
        List<Object> parts = ConcurrentJobs.run(List.<Callable<Object>>of(
                () -> themeMonthly(spark, folder), () -> topics(spark, folder), () -> topicMonthly(spark, folder),
                () -> termsByMonth(spark, folder, termsShown), () -> evidence(spark, folder, evidencePerTheme)));
        return new ReportData((List<ThemeMonth>) parts.get(0), (List<Topic>) parts.get(1),
                (List<TopicMonth>) parts.get(2), (Map<String, List<String>>) parts.get(3), (List<Evidence>) parts.get(4));
    }

    private static List<ThemeMonth> themeMonthly(SparkSession spark, Path folder) {
        List<ThemeMonth> themeMonthly = new ArrayList<>();
        for (Row r : TableWriter.read(spark, folder, THEME_MONTHLY).orderBy(MONTH, THEME).collectAsList()) {
            themeMonthly.add(new ThemeMonth(r.getAs(MONTH), r.getAs(THEME), r.<Long>getAs(ARTICLES),
                    r.<Long>getAs(THEME_ARTICLES), r.<Double>getAs(SHARE), r.<Double>getAs(SHARE_LOW),
                    r.<Double>getAs(SHARE_HIGH), r.getAs(SHARE_CHANGE), r.getList(r.fieldIndex(TOP_TERMS))));
        }
        return List.copyOf(themeMonthly);
    }

    private static List<Topic> topics(SparkSession spark, Path folder) {
        List<Topic> topics = new ArrayList<>();
        for (Row r : TableWriter.read(spark, folder, TOPICS)
                .groupBy(TOPIC).agg(first(LABEL).as(LABEL), array_sort(collect_list(struct(col(RANK), col(TERM)))).as(TERM),
                        first(NPMI).as(NPMI), first(CLOSEST_THEME).as(CLOSEST_THEME))
                .orderBy(TOPIC).collectAsList()) {
            List<Row> terms = r.getList(2);
            topics.add(new Topic(r.getInt(0), r.getString(1), terms.stream().map(t -> t.getString(1)).toList(),
                    r.getDouble(3), r.getString(4)));
        }
        return List.copyOf(topics);
    }

    private static List<TopicMonth> topicMonthly(SparkSession spark, Path folder) {
        List<TopicMonth> topicMonthly = new ArrayList<>();
        for (Row r : TableWriter.read(spark, folder, TOPIC_MONTHLY).orderBy(MONTH, TOPIC).collectAsList()) {
            topicMonthly.add(new TopicMonth(r.getAs(MONTH), r.<Integer>getAs(TOPIC), r.getAs(LABEL),
                    r.<Double>getAs(MEAN_SHARE), r.<Long>getAs(DOMINANT_ARTICLES)));
        }
        return List.copyOf(topicMonthly);
    }

    private static Map<String, List<String>> termsByMonth(SparkSession spark, Path folder, int termsShown) {
        Map<String, List<String>> termsByMonth = new LinkedHashMap<>();
        for (Row r : TableWriter.read(spark, folder, TERMS_MONTHLY).filter(col(RANK).leq(termsShown))
                .groupBy(MONTH).agg(array_sort(collect_list(struct(col(RANK), col(TERM)))).as(TERM))
                .orderBy(MONTH).collectAsList()) {
            List<Row> terms = r.getList(1);
            termsByMonth.put(r.getString(0), terms.stream().map(t -> t.getString(1)).toList());
        }
        return termsByMonth;
    }

    private static List<Evidence> evidence(SparkSession spark, Path folder, int evidencePerTheme) {
        Dataset<Row> documents = TableWriter.read(spark, folder, DOCUMENTS).select(DOC_ID, TITLE, URL, PATH);
        List<Evidence> evidence = new ArrayList<>();
        for (Row r : TableWriter.read(spark, folder, DOC_THEMES).filter(col(MATCHED))
                .withColumn(RANK, row_number().over(Window.partitionBy(THEME).orderBy(desc(SCORE), asc(DOC_ID))))
                .filter(col(RANK).leq(evidencePerTheme))
                .join(documents, DOC_ID)
                .orderBy(THEME, RANK).collectAsList()) {
            String title = r.getAs(TITLE) == null ? new Path(r.<String>getAs(PATH)).getName() : r.<String>getAs(TITLE);
            evidence.add(new Evidence(r.getAs(THEME), r.getAs(DOC_ID), r.getAs(MONTH), title, r.getAs(URL),
                    r.<Double>getAs(SCORE),
                    r.getList(r.fieldIndex(MATCHED_TERMS)), r.getList(r.fieldIndex(EVIDENCE))));
        }
        return List.copyOf(evidence);
    }

    /** The months with articles, in order. */
    public List<String> months() {
        return themeMonthly.stream().map(ThemeMonth::month).distinct().sorted().toList();
    }

    public List<Evidence> evidenceOf(String theme) {
        return evidence.stream().filter(e -> e.theme().equals(theme)).toList();
    }
}
