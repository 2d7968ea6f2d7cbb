package nl.newsthemes.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static nl.newsthemes.schema.Columns.*;

/** The per-document tables made of analyzed articles, the same for full and incremental runs. */
public final class DocumentTables {
    private DocumentTables() {
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
