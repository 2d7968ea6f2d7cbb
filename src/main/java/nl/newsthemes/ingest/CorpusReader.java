package nl.newsthemes.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Ingest: lists the input, reads every file with the reader for its format, and accounts for every file and record.
 * A record ends in {@link Corpus#articles()} or, with its reason, in {@link Corpus#rejects()}: unsupported file
 * types, unreadable files, bad or missing dates, empty texts, malformed records, and a second record with a doc_id
 * already seen (the first by path and position is kept).
 */
public final class CorpusReader {
    private CorpusReader() {
    }

    public static Corpus read(SparkSession spark, InputListing listing) {
        List<Dataset<Row>> parts = new ArrayList<>();
        parts.add(TextFileReader.read(spark, listing.ofFormat(InputFormat.TEXT)));
        addIfPresent(parts, TabularReader.jsonLines(spark, listing.ofFormat(InputFormat.JSON_LINES)));
        addIfPresent(parts, TabularReader.csv(spark, listing.ofFormat(InputFormat.CSV)));
        addIfPresent(parts, TabularReader.parquet(spark, listing.ofFormat(InputFormat.PARQUET)));
        parts.add(unsupported(spark, listing.ofFormat(InputFormat.UNSUPPORTED)));

        Dataset<Row> all = parts.get(0);
        for (Dataset<Row> part : parts.subList(1, parts.size())) {
            all = all.unionByName(part);
        }
        Dataset<Row> checked = rejectDuplicateIds(all).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> articles = checked.filter(col(REASON).isNull())
                .select(DOC_ID, DATE, MONTH, SOURCE, TITLE, TEXT, URL, PATH, POSITION);
        Dataset<Row> rejects = checked.filter(col(REASON).isNotNull()).select(PATH, RECORD, REASON);
        return new Corpus(articles, rejects, fileCounts(checked), checked);
    }

    private static void addIfPresent(List<Dataset<Row>> parts, Dataset<Row> part) {
        if (part != null) {
            parts.add(part);
        }
    }

    private static Dataset<Row> unsupported(SparkSession spark, List<InputFile> files) {
        List<Row> rows = files.stream().map(f -> ArticleRows.reject(f.path(), 0, null,
                "unsupported file type: expected .txt, .txt.gz, .jsonl, .jsonl.gz, .json, .csv or .parquet")).toList();
        return spark.createDataFrame(rows, ArticleRows.SCHEMA);
    }

    /** The same doc_id twice (a file copied, an id reused): the first by path and position stays. */
    private static Dataset<Row> rejectDuplicateIds(Dataset<Row> all) {
        WindowSpec byId = Window.partitionBy(DOC_ID).orderBy(PATH, POSITION);
        Column first = first(col(PATH)).over(byId);
        Dataset<Row> ranked = all.withColumn("_n", when(col(DOC_ID).isNull(), lit(1)).otherwise(row_number().over(byId)))
                .withColumn("_first", first);
        return ranked.withColumn(REASON, when(col("_n").gt(1),
                        concat(lit("duplicate doc_id "), col(DOC_ID), lit(" (first in "), col("_first"), lit(")")))
                        .otherwise(col(REASON)))
                .withColumn(RECORD, when(col("_n").gt(1), col(DOC_ID)).otherwise(col(RECORD)))
                .drop("_n", "_first");
    }

    /** Records, loaded and rejected per file that produced records (files without records are filled in later). */
    private static Dataset<Row> fileCounts(Dataset<Row> checked) {
        return checked.groupBy(PATH).agg(
                count(lit(1)).as(RECORDS),
                sum(when(col(REASON).isNull(), 1).otherwise(0)).cast("long").as(LOADED),
                sum(when(col(REASON).isNotNull(), 1).otherwise(0)).cast("long").as(REJECTED));
    }
}
