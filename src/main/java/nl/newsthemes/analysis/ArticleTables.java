package nl.newsthemes.analysis;

import nl.newsthemes.features.DistinctiveTerms;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.themes.ThemeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.function.UnaryOperator;

import static nl.newsthemes.schema.Tables.DOCUMENTS;
import static nl.newsthemes.schema.Tables.DOC_THEMES;

/**
 * The tables made of the analyzed articles, one assembly for full and incremental runs: {@code documents},
 * {@code doc_themes}, the state's document terms, {@code theme_monthly}, {@code theme_source_monthly} and
 * {@code terms_monthly}. A full run analyzes every article; an incremental run only the new ones, and takes the rest
 * of the months it recomputes from the published run ({@link Kept}).
 */
public final class ArticleTables {
    private ArticleTables() {
    }

    /** The rows a run keeps from the published output beside those of the articles it analyzed. */
    public interface Kept {
        /**
         * {@code analyzed}: rows of a per-document table ({@code documents}, {@code doc_themes}, the document terms,
         * {@code doc_topics}, by their table name) made of the analyzed articles; returns them with the published rows
         * the run keeps.
         */
        Dataset<Row> withKept(String table, Dataset<Row> analyzed);

        /** {@code counts} (theme_monthly without share_change) with the published rows of the months not recomputed. */
        Dataset<Row> withOtherThemeMonths(Dataset<Row> counts);

        /** A full run's: every article was analyzed, nothing is kept. */
        Kept NOTHING = new Kept() {
            @Override
            public Dataset<Row> withKept(String table, Dataset<Row> analyzed) {
                return analyzed;
            }

            @Override
            public Dataset<Row> withOtherThemeMonths(Dataset<Row> counts) {
                return counts;
            }
        };
    }

    /**
     * The tables; {@code documents}, {@code docThemes}, {@code docTerms} and {@code themeMonthly} are what the
     * {@code keep} function made of them (a run that reads them more than once caches them).
     */
    public record Tables(Dataset<Row> documents, Dataset<Row> docThemes, Dataset<Row> docTerms, Dataset<Row> themeMonthly,
                         Dataset<Row> themeSourceMonthly, Dataset<Row> termsMonthly) {
    }

    /** The corpus-wide model the distinctive terms are weighed with: the vocabulary and its IDF. */
    public record TermWeights(Vocabulary vocabulary, double[] idf, int termsPerMonth) {
    }

    /**
     * @param analyzed      the analyzed articles of this run (with phrases)
     * @param duplicates    doc_id, duplicate_of, similarity of every near-copy in the corpus as it now is
     * @param docTermsTable the name under which {@link Kept#withKept} finds the document terms
     * @param keep          applied to each table read more than once
     */
    public static Tables assemble(SparkSession spark, Dataset<Row> analyzed, Dataset<Row> duplicates, TermWeights weights,
                                  Kept kept, String docTermsTable, UnaryOperator<Dataset<Row>> keep) {
        Dataset<Row> documents = keep.apply(DocumentTables.withDuplicates(
                kept.withKept(DOCUMENTS, DocumentTables.documentRows(analyzed)), duplicates));
        Dataset<Row> docThemes = keep.apply(kept.withKept(DOC_THEMES, ThemeTables.docThemes(analyzed)));
        Dataset<Row> docTerms = keep.apply(kept.withKept(docTermsTable, DocumentTables.docTerms(analyzed)));
        Dataset<Row> themeMonthly = keep.apply(ThemeTables.withShareChange(
                kept.withOtherThemeMonths(ThemeTables.monthlyCounts(docThemes, duplicates))));
        return new Tables(documents, docThemes, docTerms, themeMonthly, ThemeTables.sourceMonthly(docThemes, documents),
                DistinctiveTerms.perMonth(spark, docTerms, weights.vocabulary(), weights.idf(), weights.termsPerMonth()));
    }
}
