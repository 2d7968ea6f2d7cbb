package nl.newsthemes.nightly;

import nl.newsthemes.output.TableWriter;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.spark.ConcurrentJobs;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        // One query per table, all at once (see ConcurrentJobs): a query on a small table costs the driver far more
        // than its rows, so each table is read once for every check that looks at it.
        List<TableScan> scanned = ConcurrentJobs.run(List.<Callable<TableScan>>of(
                () -> TableScan.of(spark, staging, DOCUMENTS, List.of(DOC_ID), List.of(DOC_ID, MONTH, DATE, PATH),
                        countDistinct(col(MONTH))),
                () -> TableScan.of(spark, staging, DOC_THEMES, List.of(DOC_ID, THEME),
                        List.of(DOC_ID, MONTH, THEME, SCORE, MATCHED)),
                () -> TableScan.of(spark, staging, REJECTS, List.of(), List.of(PATH, REASON)),
                () -> TableScan.of(spark, staging, THEME_MONTHLY, List.of(MONTH, THEME),
                        List.of(MONTH, THEME, ARTICLES, SHARE),
                        sum(when(col(THEME).isin((Object[]) themes.toArray(String[]::new)), 1L).otherwise(0L))),
                () -> TableScan.of(spark, staging, DOC_TOPICS, List.of(DOC_ID), List.of()),
                () -> TableScan.of(spark, staging, TOPICS, List.of(TOPIC, RANK), List.of()),
                () -> TableScan.of(spark, staging, TOPIC_REGISTRY, List.of(TOPIC), List.of()),
                () -> TableScan.of(spark, staging, INPUT_FILES, List.of(PATH), List.of(), sum(RECORDS), sum(LOADED),
                        sum(REJECTED), sum(when(col(RECORDS).notEqual(col(LOADED).plus(col(REJECTED))), 1L).otherwise(0L)))));
        TableScan documents = scanned.get(0);
        TableScan docThemes = scanned.get(1);
        TableScan rejects = scanned.get(2);
        TableScan themeMonthly = scanned.get(3);
        long loaded = documents.rows();
        long rejected = rejects.rows();

        List<Check> checks = new ArrayList<>();
        checks.add(filesAccounted(scanned.get(7), listing, loaded, rejected));
        checks.add(uniqueKeys(spark, staging, List.of(documents, docThemes, themeMonthly, scanned.get(4), scanned.get(5),
                scanned.get(6))));
        checks.add(requiredColumnsFilled(List.of(documents, docThemes, rejects, themeMonthly)));
        // A month without a value (a required-columns failure) still counts as one, as a group by month would.
        long monthsWithArticles = documents.extra(0) + (documents.nulls().get(MONTH) > 0 ? 1 : 0);
        checks.add(everyMonthEveryTheme(themes, loaded, monthsWithArticles, themeMonthly.extra(0), themeMonthly.rows(),
                docThemes.rows()));

        long records = loaded + rejected;
        double share = records == 0 ? 0.0 : (double) rejected / records;
        checks.add(new Check("rejected_share", share <= maxRejectedShare, String.format(Locale.ROOT,
                "%d of %d files and records rejected (%.1f%%); allowed: %.1f%% (max_rejected_share)",
                rejected, records, 100 * share, 100 * maxRejectedShare)));
        return new QualityGate(List.copyOf(checks));
    }

    /**
     * What the checks need of one staged table, from one pass over it.
     *
     * @param key          the columns that identify a row (none: no key)
     * @param distinctKeys distinct keys without a null part; fewer than {@code rows} when a key repeats or has a null
     * @param nulls        nulls per required column, in the order given
     * @param extras       the values of the extra aggregates, in the order given
     */
    private record TableScan(String table, List<String> key, long rows, long distinctKeys, Map<String, Long> nulls,
                             List<Long> extras) {
        static TableScan of(SparkSession spark, Path staging, String table, List<String> key, List<String> required,
                            Column... extras) {
            List<Column> aggregates = new ArrayList<>();
            aggregates.add(count(lit(1)));
            aggregates.add(key.isEmpty() ? lit(0L)
                    : countDistinct(col(key.get(0)), key.stream().skip(1).map(org.apache.spark.sql.functions::col).toArray(Column[]::new)));
            required.forEach(c -> aggregates.add(coalesce(sum(when(col(c).isNull(), 1L).otherwise(0L)), lit(0L))));
            for (Column extra : extras) {
                aggregates.add(coalesce(extra.cast("long"), lit(0L)));
            }
            Row row = TableWriter.read(spark, staging, table).agg(aggregates.get(0),
                    aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
            Map<String, Long> nulls = new LinkedHashMap<>();
            for (int i = 0; i < required.size(); i++) {
                nulls.put(required.get(i), row.getLong(2 + i));
            }
            List<Long> extraValues = new ArrayList<>();
            for (int i = 0; i < extras.length; i++) {
                extraValues.add(row.getLong(2 + required.size() + i));
            }
            return new TableScan(table, key, row.getLong(0), row.getLong(1), nulls, List.copyOf(extraValues));
        }

        long extra(int i) {
            return extras.get(i);
        }
    }

    /** @param files input_files with its distinct paths and extras: records, loaded, rejected, unbalanced files */
    private static Check filesAccounted(TableScan files, InputListing listing, long loaded, long rejected) {
        long records = files.extra(0);
        long unbalanced = files.extra(3);
        boolean accounted = files.rows() == listing.files().size() && files.distinctKeys() == listing.files().size()
                && records == loaded + rejected && files.extra(1) == loaded && files.extra(2) == rejected
                && unbalanced == 0;
        return new Check("files_accounted", accounted, String.format(Locale.ROOT,
                "%d files listed, %d in input_files; records %d = loaded %d + rejected %d (documents %d, rejects %d); "
                        + "%d files whose records differ from loaded + rejected",
                listing.files().size(), files.rows(), records, files.extra(1), files.extra(2), loaded,
                rejected, unbalanced));
    }

    /**
     * A table whose distinct keys are fewer than its rows has a repeated key, or a key with a null part: only then
     * are its keys grouped to count the repeated ones (none, when it was only a null).
     */
    private static Check uniqueKeys(SparkSession spark, Path staging, List<TableScan> tables) {
        List<String> duplicated = tables.stream().filter(t -> t.distinctKeys() < t.rows())
                .flatMap(t -> duplicateKeys(TableWriter.read(spark, staging, t.table()), t.table(), t.key().toArray(String[]::new)).stream())
                .toList();
        return new Check("unique_keys", duplicated.isEmpty(), duplicated.isEmpty()
                ? "documents.doc_id, doc_themes (doc_id, theme), theme_monthly (month, theme), doc_topics.doc_id, "
                + "topics (topic, rank), topic_registry.topic are unique" : "duplicate keys: " + String.join("; ", duplicated));
    }

    private static Check requiredColumnsFilled(List<TableScan> tables) {
        List<String> empty = new ArrayList<>();
        for (TableScan t : tables) {
            t.nulls().forEach((column, nulls) -> {
                if (nulls > 0) {
                    empty.add(String.format(Locale.ROOT, "%s.%s: %d nulls", t.table(), column, nulls));
                }
            });
        }
        return new Check("required_columns_filled", empty.isEmpty(),
                empty.isEmpty() ? "no nulls in the key and required columns" : String.join("; ", empty));
    }

    private static Check everyMonthEveryTheme(List<String> themes, long loaded, long months, long themeRows,
                                              long allThemeRows, long docThemeRows) {
        long expected = months * themes.size();
        boolean everyTheme = themeRows == expected && allThemeRows == expected
                && docThemeRows == loaded * themes.size();
        return new Check("every_month_every_theme", everyTheme, String.format(Locale.ROOT,
                "%d months with articles x %d themes = %d theme_monthly rows expected, %d found; doc_themes %d rows "
                        + "for %d documents", months, themes.size(), expected, allThemeRows, docThemeRows, loaded));
    }

    private static List<String> duplicateKeys(Dataset<Row> table, String name, String... key) {
        Column[] columns = Arrays.stream(key).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        long duplicates = table.groupBy(columns).count().filter(col("count").gt(1)).count();
        return duplicates == 0 ? List.of()
                : List.of(String.format(Locale.ROOT, "%s: %d keys (%s) more than once", name, duplicates, String.join(", ", key)));
    }
}
