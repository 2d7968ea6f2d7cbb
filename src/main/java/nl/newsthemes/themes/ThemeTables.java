package nl.newsthemes.themes;

import nl.newsthemes.schema.Decimals;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The theme tables, from the per-document theme results of {@code analysis.AnalyzeDocuments}.
 *
 * <ul>
 *   <li>{@code doc_themes}: doc_id, month, theme, score, matched, matched_terms, evidence; one row per document and
 *       theme, so every month with articles has a row for every theme.</li>
 *   <li>{@code theme_monthly}: month, theme, articles, theme_articles, stories and theme_stories (the same counts
 *       with each near-duplicate story once, see features.NearDuplicates), share, share_low and share_high (the 95%
 *       Wilson score interval: a share of 2 articles out of 3 is far less certain than of 200 out of 300),
 *       share_change (against the theme's previous month), mean_score, top_terms (the five terms that hit most
 *       often in the month's matched articles), example_doc_ids (up to three matched articles with the highest
 *       scores, ties by doc_id).</li>
 *   <li>{@code theme_source_monthly}: month, source, theme, articles, theme_articles, share, share_low, share_high;
 *       for articles that name their source.</li>
 * </ul>
 */
public final class ThemeTables {
    static final int TOP_TERM_COUNT = 5;
    static final int EXAMPLE_COUNT = 3;

    private ThemeTables() {
    }

    public static Dataset<Row> docThemes(Dataset<Row> analyzed) {
        return analyzed.select(col(DOC_ID), col(MONTH), explode(col(THEMES)).as("t"))
                .select(col(DOC_ID), col(MONTH), col("t." + THEME).as(THEME), col("t." + SCORE).as(SCORE),
                        col("t." + MATCHED).as(MATCHED), col("t." + MATCHED_TERMS).as(MATCHED_TERMS),
                        col("t." + EVIDENCE).as(EVIDENCE));
    }

    /** @param duplicates doc_id, duplicate_of of the documents that are near-copies of an earlier one */
    public static Dataset<Row> monthly(Dataset<Row> docThemes, Dataset<Row> duplicates) {
        return withShareChange(monthlyCounts(docThemes, duplicates));
    }

    /**
     * {@code theme_monthly} without {@code share_change}, which needs the month before: the part of a month's row
     * that depends on that month's documents alone (an incremental run recomputes it for the months it touches).
     */
    public static Dataset<Row> monthlyCounts(Dataset<Row> docThemes, Dataset<Row> duplicates) {
        Column firstTelling = col(DUPLICATE_OF).isNull();
        Dataset<Row> counts = docThemes.join(duplicates.select(DOC_ID, DUPLICATE_OF), new String[]{DOC_ID}, "left")
                .groupBy(MONTH, THEME).agg(
                        count(lit(1)).as(ARTICLES),
                        sum(when(col(MATCHED), 1).otherwise(0)).cast("long").as(THEME_ARTICLES),
                        sum(when(firstTelling, 1).otherwise(0)).cast("long").as(STORIES),
                        sum(when(col(MATCHED).and(firstTelling), 1).otherwise(0)).cast("long").as(THEME_STORIES),
                        Decimals.rounded(avg(SCORE)).as(MEAN_SCORE));

        Dataset<Row> matched = docThemes.filter(col(MATCHED));
        Dataset<Row> topTerms = matched.select(col(MONTH), col(THEME), explode(col(MATCHED_TERMS)).as(TERM))
                .groupBy(MONTH, THEME, TERM).count()
                .withColumn(RANK, row_number().over(Window.partitionBy(MONTH, THEME).orderBy(desc("count"), asc(TERM))))
                .filter(col(RANK).leq(TOP_TERM_COUNT))
                .groupBy(MONTH, THEME)
                .agg(transform(array_sort(collect_list(struct(col(RANK), col(TERM)))), s -> s.getField(TERM)).as(TOP_TERMS));
        Dataset<Row> examples = matched
                .withColumn(RANK, row_number().over(Window.partitionBy(MONTH, THEME).orderBy(desc(SCORE), asc(DOC_ID))))
                .filter(col(RANK).leq(EXAMPLE_COUNT))
                .groupBy(MONTH, THEME)
                .agg(transform(array_sort(collect_list(struct(col(RANK), col(DOC_ID)))), s -> s.getField(DOC_ID)).as(EXAMPLE_DOC_IDS));

        Column empty = array().cast("array<string>");
        return counts.join(topTerms, new String[]{MONTH, THEME}, "left")
                .join(examples, new String[]{MONTH, THEME}, "left")
                .select(col(MONTH), col(THEME), col(ARTICLES), col(THEME_ARTICLES), col(STORIES), col(THEME_STORIES),
                        Decimals.rounded(col(THEME_ARTICLES).divide(col(ARTICLES))).as(SHARE),
                        wilsonLow(col(THEME_ARTICLES), col(ARTICLES)).as(SHARE_LOW),
                        wilsonHigh(col(THEME_ARTICLES), col(ARTICLES)).as(SHARE_HIGH),
                        col(MEAN_SCORE),
                        coalesce(col(TOP_TERMS), empty).as(TOP_TERMS),
                        coalesce(col(EXAMPLE_DOC_IDS), empty).as(EXAMPLE_DOC_IDS));
    }

    /** Adds {@code share_change} to rows of {@link #monthlyCounts} (or of theme_monthly): against the theme's month before. */
    public static Dataset<Row> withShareChange(Dataset<Row> monthlyCounts) {
        return monthlyCounts.select(col(MONTH), col(THEME), col(ARTICLES), col(THEME_ARTICLES), col(STORIES),
                col(THEME_STORIES), col(SHARE),
                col(SHARE_LOW), col(SHARE_HIGH),
                Decimals.rounded(col(SHARE).minus(lag(col(SHARE), 1).over(Window.partitionBy(THEME).orderBy(MONTH)))).as(SHARE_CHANGE),
                col(MEAN_SCORE), col(TOP_TERMS), col(EXAMPLE_DOC_IDS));
    }

    /**
     * Per month, source and theme, for articles that name their source.
     *
     * @param docThemes the {@code doc_themes} rows
     * @param documents rows with doc_id and source
     */
    public static Dataset<Row> sourceMonthly(Dataset<Row> docThemes, Dataset<Row> documents) {
        Dataset<Row> sources = documents.filter(col(SOURCE).isNotNull()).select(DOC_ID, SOURCE);
        return docThemes.join(sources, DOC_ID)
                .groupBy(col(MONTH), col(SOURCE), col(THEME))
                .agg(count(lit(1)).as(ARTICLES), sum(when(col(MATCHED), 1).otherwise(0)).cast("long").as(THEME_ARTICLES))
                .select(col(MONTH), col(SOURCE), col(THEME), col(ARTICLES), col(THEME_ARTICLES),
                        Decimals.rounded(col(THEME_ARTICLES).divide(col(ARTICLES))).as(SHARE),
                        wilsonLow(col(THEME_ARTICLES), col(ARTICLES)).as(SHARE_LOW),
                        wilsonHigh(col(THEME_ARTICLES), col(ARTICLES)).as(SHARE_HIGH));
    }

    /** z for a two-sided 95% interval. */
    static final double Z = 1.959964;

    static Column wilsonLow(Column successes, Column trials) {
        return Decimals.rounded(greatest(lit(0.0), wilsonCenter(successes, trials).minus(wilsonHalfWidth(successes, trials))));
    }

    static Column wilsonHigh(Column successes, Column trials) {
        return Decimals.rounded(least(lit(1.0), wilsonCenter(successes, trials).plus(wilsonHalfWidth(successes, trials))));
    }

    private static Column wilsonCenter(Column x, Column n) {
        Column p = x.divide(n);
        return p.plus(lit(Z * Z).divide(n.multiply(2))).divide(lit(1).plus(lit(Z * Z).divide(n)));
    }

    private static Column wilsonHalfWidth(Column x, Column n) {
        Column p = x.divide(n);
        Column variance = p.multiply(lit(1).minus(p)).divide(n).plus(lit(Z * Z).divide(n.multiply(n).multiply(4)));
        return lit(Z).multiply(sqrt(variance)).divide(lit(1).plus(lit(Z * Z).divide(n)));
    }
}
