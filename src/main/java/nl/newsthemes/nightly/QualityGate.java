package nl.newsthemes.nightly;

import nl.newsthemes.ingest.InputListing;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static nl.newsthemes.ThemesPipeline.*;
import static nl.newsthemes.schema.Columns.*;
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
        Dataset<Row> inputFiles = table(spark, staging, INPUT_FILES);
        Dataset<Row> docThemes = table(spark, staging, DOC_THEMES);
        Dataset<Row> themeMonthly = table(spark, staging, THEME_MONTHLY);
        long loaded = documents.count();
        long rejected = rejects.count();
        List<Check> checks = new ArrayList<>();

        Row files = inputFiles.agg(count(lit(1)), coalesce(sum(RECORDS), lit(0L)), coalesce(sum(LOADED), lit(0L)),
                coalesce(sum(REJECTED), lit(0L)), countDistinct(col(PATH))).first();
        long unbalanced = inputFiles.filter(col(RECORDS).notEqual(col(LOADED).plus(col(REJECTED)))).count();
        boolean accounted = files.getLong(0) == listing.files().size() && files.getLong(4) == listing.files().size()
                && files.getLong(1) == loaded + rejected && files.getLong(2) == loaded && files.getLong(3) == rejected
                && unbalanced == 0;
        checks.add(new Check("files_accounted", accounted, String.format(Locale.ROOT,
                "%d files listed, %d in input_files; records %d = loaded %d + rejected %d (documents %d, rejects %d); "
                        + "%d files whose records differ from loaded + rejected",
                listing.files().size(), files.getLong(0), files.getLong(1), files.getLong(2), files.getLong(3), loaded,
                rejected, unbalanced)));

        List<String> duplicated = new ArrayList<>();
        duplicated.addAll(duplicateKeys(documents, DOCUMENTS, DOC_ID));
        duplicated.addAll(duplicateKeys(docThemes, DOC_THEMES, DOC_ID, THEME));
        duplicated.addAll(duplicateKeys(themeMonthly, THEME_MONTHLY, MONTH, THEME));
        duplicated.addAll(duplicateKeys(table(spark, staging, DOC_TOPICS), DOC_TOPICS, DOC_ID));
        duplicated.addAll(duplicateKeys(table(spark, staging, TOPICS), TOPICS, TOPIC, RANK));
        duplicated.addAll(duplicateKeys(table(spark, staging, TOPIC_REGISTRY), TOPIC_REGISTRY, TOPIC));
        checks.add(new Check("unique_keys", duplicated.isEmpty(), duplicated.isEmpty()
                ? "documents.doc_id, doc_themes (doc_id, theme), theme_monthly (month, theme), doc_topics.doc_id, "
                + "topics (topic, rank), topic_registry.topic are unique" : "duplicate keys: " + String.join("; ", duplicated)));

        List<String> empty = new ArrayList<>();
        empty.addAll(nulls(documents, DOCUMENTS, DOC_ID, MONTH, DATE, PATH));
        empty.addAll(nulls(docThemes, DOC_THEMES, DOC_ID, MONTH, THEME, SCORE, MATCHED));
        empty.addAll(nulls(rejects, REJECTS, PATH, REASON));
        empty.addAll(nulls(themeMonthly, THEME_MONTHLY, MONTH, THEME, ARTICLES, SHARE));
        checks.add(new Check("required_columns_filled", empty.isEmpty(),
                empty.isEmpty() ? "no nulls in the key and required columns" : String.join("; ", empty)));

        long months = documents.select(MONTH).distinct().count();
        long expected = months * themes.size();
        long themeRows = themeMonthly.filter(col(THEME).isin((Object[]) themes.toArray(String[]::new))).count();
        long docThemeRows = docThemes.count();
        boolean everyTheme = themeRows == expected && themeMonthly.count() == expected
                && docThemeRows == loaded * themes.size();
        checks.add(new Check("every_month_every_theme", everyTheme, String.format(Locale.ROOT,
                "%d months with articles x %d themes = %d theme_monthly rows expected, %d found; doc_themes %d rows "
                        + "for %d documents", months, themes.size(), expected, themeMonthly.count(), docThemeRows, loaded)));

        long records = loaded + rejected;
        double share = records == 0 ? 0.0 : (double) rejected / records;
        checks.add(new Check("rejected_share", share <= maxRejectedShare, String.format(Locale.ROOT,
                "%d of %d files and records rejected (%.1f%%); allowed: %.1f%% (max_rejected_share)",
                rejected, records, 100 * share, 100 * maxRejectedShare)));
        return new QualityGate(List.copyOf(checks));
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
