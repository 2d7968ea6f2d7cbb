package nl.newsthemes.analysis;

import nl.newsthemes.features.Boilerplate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/** The per-document tables made of analyzed articles, the same for full and incremental runs. */
public final class DocumentTables {
    private DocumentTables() {
    }

    /**
     * Content words of all documents, what the boilerplate took out of them, and how many articles are in each
     * language (by code, sorted).
     */
    public record Totals(long contentWords, Boilerplate.Removal boilerplate, SortedMap<String, Long> articlesByLanguage) {
    }

    /** The {@link Totals} of analyzed articles or of a {@code documents} table, in one query (a row per language). */
    public static Totals totals(Dataset<Row> documents, Boilerplate used) {
        List<Row> perLanguage = documents.groupBy(LANGUAGE).agg(count(lit(1)), coalesce(sum(TOKENS), lit(0L)),
                coalesce(sum(BOILERPLATE_SENTENCES), lit(0L)), count(when(col(BOILERPLATE_SENTENCES).gt(0), true)))
                .collectAsList();
        SortedMap<String, Long> articles = new TreeMap<>();
        long words = 0;
        long sentences = 0;
        long articlesWithBoilerplate = 0;
        for (Row row : perLanguage) {
            articles.put(row.getString(0), row.getLong(1));
            words += row.getLong(2);
            sentences += row.getLong(3);
            articlesWithBoilerplate += row.getLong(4);
        }
        return new Totals(words, new Boilerplate.Removal(used, sentences, articlesWithBoilerplate),
                Collections.unmodifiableSortedMap(articles));
    }

    /** The {@code documents} table of analyzed articles, with the article each near-copy repeats. */
    public static Dataset<Row> documents(Dataset<Row> analyzed, Dataset<Row> duplicates) {
        return withDuplicates(documentRows(analyzed), duplicates);
    }

    /** The {@code documents} columns that come from the article alone. */
    public static Dataset<Row> documentRows(Dataset<Row> analyzed) {
        return analyzed.select(DOC_ID, MONTH, DATE, SOURCE, LANGUAGE, TITLE, URL, PATH, TOKENS, BOILERPLATE_SENTENCES);
    }

    /** {@link #documentRows} with {@code duplicate_of}. */
    public static Dataset<Row> withDuplicates(Dataset<Row> documentRows, Dataset<Row> duplicates) {
        return documentRows.join(duplicates.select(DOC_ID, DUPLICATE_OF), new String[]{DOC_ID}, "left")
                .select(DOC_ID, MONTH, DATE, SOURCE, LANGUAGE, TITLE, URL, PATH, TOKENS, BOILERPLATE_SENTENCES,
                        DUPLICATE_OF);
    }

    /** What incremental runs keep of each document: its key, where it came from, its date and its terms. */
    public static Dataset<Row> docTerms(Dataset<Row> analyzed) {
        return analyzed.select(DOC_ID, MONTH, DATE, PATH, POSITION, TERMS);
    }
}
