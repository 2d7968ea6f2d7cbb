package nl.newsthemes.nightly;

import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.spark.ConcurrentJobs;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static nl.newsthemes.schema.Columns.*;
import static nl.newsthemes.schema.Tables.*;
import static org.apache.spark.sql.functions.*;

/**
 * The checks a staged run must pass before it is published, run on the tables as written: every listed file and
 * record accounted for, no duplicate keys, the required columns filled, a row for every theme in every month with
 * articles, and no more than the allowed share of the input rejected. A run that fails one publishes nothing and
 * exits with code 3; the results go in the manifest either way.
 *
 * @param checks every check with its outcome
 */
public record QualityGate(List<Check> checks) {

    /** One check: what it looked at, and what it found. */
    public record Check(String name, boolean passed, String detail) {
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public static QualityGate check(SparkSession spark, Path staging, InputListing listing, List<String> themes,
                                    double maxRejectedShare) {
        Dataset<Row> documents = table(spark, staging, DOCUMENTS);
        Dataset<Row> rejects = table(spark, staging, REJECTS);
        // The checks are independent queries over small tables: they run at once (see ConcurrentJobs).
        List<Long> counted = ConcurrentJobs.run(List.<Callable<Long>>of(documents::count, rejects::count));
        long loaded = counted.get(0);
        long rejected = counted.get(1);
        List<Check> checks = new ArrayList<>(ConcurrentJobs.run(List.<Callable<Check>>of(
                () -> filesAccounted(table(spark, staging, INPUT_FILES), listing, loaded, rejected),
                () -> uniqueKeys(spark, staging),
                () -> requiredColumnsFilled(spark, staging),
                () -> everyMonthEveryTheme(spark, staging, themes, loaded))));

        long records = loaded + rejected;
        double share = records == 0 ? 0.0 : (double) rejected / records;
        checks.add(new Check("rejected_share", share <= maxRejectedShare, String.format(Locale.ROOT,
                "%d of %d files and records rejected (%.1f%%); allowed: %.1f%% (max_rejected_share)",
                rejected, records, 100 * share, 100 * maxRejectedShare)));
        return new QualityGate(List.copyOf(checks));
    }

    private static Check filesAccounted(Dataset<Row> inputFiles, InputListing listing, long loaded, long rejected) {
        Row files = inputFiles.agg(count(lit(1)), coalesce(sum(RECORDS), lit(0L)), coalesce(sum(LOADED), lit(0L)),
                coalesce(sum(REJECTED), lit(0L)), countDistinct(col(PATH)),
                coalesce(sum(when(col(RECORDS).notEqual(col(LOADED).plus(col(REJECTED))), 1L).otherwise(0L)), lit(0L)))
                .first();
        long unbalanced = files.getLong(5);
        boolean accounted = files.getLong(0) == listing.files().size() && files.getLong(4) == listing.files().size()
                && files.getLong(1) == loaded + rejected && files.getLong(2) == loaded && files.getLong(3) == rejected
                && unbalanced == 0;
        return new Check("files_accounted", accounted, String.format(Locale.ROOT,
                "%d files listed, %d in input_files; records %d = loaded %d + rejected %d (documents %d, rejects %d); "
                        + "%d files whose records differ from loaded + rejected",
                listing.files().size(), files.getLong(0), files.getLong(1), files.getLong(2), files.getLong(3), loaded,
                rejected, unbalanced));
    }

    private static Check uniqueKeys(SparkSession spark, Path staging) {
        List<String> duplicated = ConcurrentJobs.run(List.<Callable<List<String>>>of(
                () -> duplicateKeys(table(spark, staging, DOCUMENTS), DOCUMENTS, DOC_ID),
                () -> duplicateKeys(table(spark, staging, DOC_THEMES), DOC_THEMES, DOC_ID, THEME),
                () -> duplicateKeys(table(spark, staging, THEME_MONTHLY), THEME_MONTHLY, MONTH, THEME),
                () -> duplicateKeys(table(spark, staging, DOC_TOPICS), DOC_TOPICS, DOC_ID),
                () -> duplicateKeys(table(spark, staging, TOPICS), TOPICS, TOPIC, RANK),
                () -> duplicateKeys(table(spark, staging, TOPIC_REGISTRY), TOPIC_REGISTRY, TOPIC)))
                .stream().flatMap(List::stream).toList();
        return new Check("unique_keys", duplicated.isEmpty(), duplicated.isEmpty()
                ? "documents.doc_id, doc_themes (doc_id, theme), theme_monthly (month, theme), doc_topics.doc_id, "
                + "topics (topic, rank), topic_registry.topic are unique" : "duplicate keys: " + String.join("; ", duplicated));
    }

    private static Check requiredColumnsFilled(SparkSession spark, Path staging) {
        List<String> empty = ConcurrentJobs.run(List.<Callable<List<String>>>of(
                () -> nulls(table(spark, staging, DOCUMENTS), DOCUMENTS, DOC_ID, MONTH, DATE, PATH),
                () -> nulls(table(spark, staging, DOC_THEMES), DOC_THEMES, DOC_ID, MONTH, THEME, SCORE, MATCHED),
                () -> nulls(table(spark, staging, REJECTS), REJECTS, PATH, REASON),
                () -> nulls(table(spark, staging, THEME_MONTHLY), THEME_MONTHLY, MONTH, THEME, ARTICLES, SHARE)))
                .stream().flatMap(List::stream).toList();
        return new Check("required_columns_filled", empty.isEmpty(),
                empty.isEmpty() ? "no nulls in the key and required columns" : String.join("; ", empty));
    }

    private static Check everyMonthEveryTheme(SparkSession spark, Path staging, List<String> themes, long loaded) {
        Dataset<Row> themeMonthly = table(spark, staging, THEME_MONTHLY);
        List<Long> counted = ConcurrentJobs.run(List.<Callable<Long>>of(
                () -> table(spark, staging, DOCUMENTS).select(MONTH).distinct().count(),
                () -> themeMonthly.filter(col(THEME).isin((Object[]) themes.toArray(String[]::new))).count(),
                themeMonthly::count,
                () -> table(spark, staging, DOC_THEMES).count()));
        long months = counted.get(0);
        long expected = months * themes.size();
        long themeRows = counted.get(1);
        long allThemeRows = counted.get(2);
        long docThemeRows = counted.get(3);
        boolean everyTheme = themeRows == expected && allThemeRows == expected
                && docThemeRows == loaded * themes.size();
        return new Check("every_month_every_theme", everyTheme, String.format(Locale.ROOT,
                "%d months with articles x %d themes = %d theme_monthly rows expected, %d found; doc_themes %d rows "
                        + "for %d documents", months, themes.size(), expected, allThemeRows, docThemeRows, loaded));
    }

    private static Dataset<Row> table(SparkSession spark, Path staging, String name) {
        return spark.read().parquet(new Path(staging, name).toString());
    }

    private static List<String> duplicateKeys(Dataset<Row> table, String name, String... key) {
        Column[] columns = Arrays.stream(key).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        long duplicates = table.groupBy(columns).count().filter(col("count").gt(1)).count();
        return duplicates == 0 ? List.of()
                : List.of(String.format(Locale.ROOT, "%s: %d keys (%s) more than once", name, duplicates, String.join(", ", key)));
    }

    private static List<String> nulls(Dataset<Row> table, String name, String... columns) {
        List<String> found = new ArrayList<>();
        Column[] counts = Arrays.stream(columns).map(c -> sum(when(col(c).isNull(), 1).otherwise(0)).cast("long"))
                .toArray(Column[]::new);
        Row row = table.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
        for (int i = 0; i < columns.length; i++) {
            if (!row.isNullAt(i) && row.getLong(i) > 0) {
                found.add(String.format(Locale.ROOT, "%s.%s: %d nulls", name, columns[i], row.getLong(i)));
            }
        }
        return found;
    }
}
