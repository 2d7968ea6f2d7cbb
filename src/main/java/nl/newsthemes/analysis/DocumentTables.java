package nl.newsthemes.analysis;

import nl.newsthemes.features.Boilerplate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/** The per-document tables made of analyzed articles, the same for full and incremental runs. */
public final class DocumentTables {
    private DocumentTables() {
    }

    /** Content words of all documents, and what the boilerplate took out of them. */
    public record Totals(long contentWords, Boilerplate.Removal boilerplate) {
    }

    /** The {@link Totals} of analyzed articles or of a {@code documents} table, in one query. */
    public static Totals totals(Dataset<Row> documents, Boilerplate used) {
        Row sums = documents.agg(coalesce(sum(TOKENS), lit(0L)), coalesce(sum(BOILERPLATE_SENTENCES), lit(0L)),
                count(when(col(BOILERPLATE_SENTENCES).gt(0), true))).first();
        return new Totals(sums.getLong(0), new Boilerplate.Removal(used, sums.getLong(1), sums.getLong(2)));
    }

    /** The {@code documents} table of analyzed articles, with the article each near-copy repeats. */
    public static Dataset<Row> documents(Dataset<Row> analyzed, Dataset<Row> duplicates) {
        return withDuplicates(documentRows(analyzed), duplicates);
    }

    /** The {@code documents} columns that come from the article alone. */
    public static Dataset<Row> documentRows(Dataset<Row> analyzed) {
        return analyzed.select(DOC_ID, MONTH, DATE, SOURCE, TITLE, URL, PATH, TOKENS, BOILERPLATE_SENTENCES);
    }

    /** {@link #documentRows} with {@code duplicate_of}. */
    public static Dataset<Row> withDuplicates(Dataset<Row> documentRows, Dataset<Row> duplicates) {
        return documentRows.join(duplicates.select(DOC_ID, DUPLICATE_OF), new String[]{DOC_ID}, "left")
                .select(DOC_ID, MONTH, DATE, SOURCE, TITLE, URL, PATH, TOKENS, BOILERPLATE_SENTENCES, DUPLICATE_OF);
    }

    /** What incremental runs keep of each document: its key, where it came from, its date and its terms. */
    public static Dataset<Row> docTerms(Dataset<Row> analyzed) {
        return analyzed.select(DOC_ID, MONTH, DATE, PATH, POSITION, TERMS);
    }
}
