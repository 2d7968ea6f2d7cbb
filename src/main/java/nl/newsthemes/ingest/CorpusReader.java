package nl.newsthemes.ingest;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    /** Marks documents loaded by an earlier run, which take part in the duplicate check only. */
    private static final String PRIOR = "_prior";

    private CorpusReader() {
    }

    public static Corpus read(SparkSession spark, InputListing listing, long maxFileBytes) {
        return read(spark, listing, maxFileBytes, null);
    }

    /**
     * Reads the listed files as additions to documents already loaded from other files ({@code prior}: doc_id,
     * path, position), with the same rule for duplicates as one read of everything: the first by path and position
     * stays. A prior document that loses to a record read now is returned in {@link Corpus#evicted()}.
     *
     * @param prior documents loaded before, or null
     */
    public static Corpus read(SparkSession spark, InputListing listing, long maxFileBytes, Dataset<Row> prior) {
        List<Dataset<Row>> parts = new ArrayList<>();
        parts.add(TextFileReader.read(spark, listing.ofFormat(InputFormat.TEXT), maxFileBytes));
        List<InputFile> vanished = new ArrayList<>();
        addIfPresent(parts, TabularReader.jsonLines(spark, present(spark, listing.ofFormat(InputFormat.JSON_LINES), vanished)));
        addIfPresent(parts, TabularReader.csv(spark, present(spark, listing.ofFormat(InputFormat.CSV), vanished)));
        addIfPresent(parts, TabularReader.parquet(spark, present(spark, listing.ofFormat(InputFormat.PARQUET), vanished)));
        parts.add(rejectAll(spark, vanished, RejectReason.DISAPPEARED.label()));
        parts.add(rejectAll(spark, listing.ofFormat(InputFormat.UNSUPPORTED),
                RejectReason.UNSUPPORTED_FILE_TYPE.because("expected .txt, .txt.gz, .jsonl, .jsonl.gz, .json, .csv or .parquet")));

        Dataset<Row> all = parts.get(0);
        for (Dataset<Row> part : parts.subList(1, parts.size())) {
            all = all.unionByName(part);
        }
        all = all.withColumn(PRIOR, lit(false));
        if (prior != null) {
            Dataset<Row> priorRows = prior.select(col(DOC_ID), col(PATH), col(POSITION));
            for (var field : ArticleRows.SCHEMA.fields()) {
                if (!List.of(DOC_ID, PATH, POSITION).contains(field.name())) {
                    priorRows = priorRows.withColumn(field.name(), lit(null).cast(field.dataType()));
                }
            }
            all = all.unionByName(priorRows.withColumn(PRIOR, lit(true)));
        }
        Dataset<Row> ranked = rejectDuplicateIds(all).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> evicted = ranked.filter(col(PRIOR).and(col(REASON).isNotNull())).select(DOC_ID, PATH, RECORD, REASON);
        Dataset<Row> checked = ranked.filter(not(col(PRIOR))).drop(PRIOR);
        Dataset<Row> articles = checked.filter(col(REASON).isNull())
                .select(DOC_ID, DATE, MONTH, SOURCE, TITLE, TEXT, URL, PATH, POSITION);
        Dataset<Row> rejects = checked.filter(col(REASON).isNotNull()).select(PATH, RECORD, REASON);
        return new Corpus(articles, rejects, fileCounts(checked), evicted, ranked);
    }

    private static void addIfPresent(List<Dataset<Row>> parts, Dataset<Row> part) {
        if (part != null) {
            parts.add(part);
        }
    }

    private static Dataset<Row> rejectAll(SparkSession spark, List<InputFile> files, String reason) {
        List<Row> rows = files.stream().map(f -> ArticleRows.reject(f.path(), 0, null, reason)).toList();
        return spark.createDataFrame(rows, ArticleRows.SCHEMA);
    }

    /**
     * The tables that still exist; the others go to {@code vanished}. Spark's readers would fail the whole job on a
     * missing file, or, told to ignore missing files, lose it without a word. A file that vanishes while Spark reads
     * it still fails the run, loudly, and nothing is published.
     */
    private static List<InputFile> present(SparkSession spark, List<InputFile> files, List<InputFile> vanished) {
        List<InputFile> present = new ArrayList<>();
        for (InputFile file : files) {
            try {
                Path path = new Path(file.path());
                if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                    present.add(file);
                } else {
                    vanished.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot check input " + file.path() + ": " + e.getMessage(), e);
            }
        }
        return present;
    }

    /** The same doc_id twice (a file copied, an id reused): the first by path and position stays. */
    private static Dataset<Row> rejectDuplicateIds(Dataset<Row> all) {
        WindowSpec byId = Window.partitionBy(DOC_ID).orderBy(PATH, POSITION);
        Column first = first(col(PATH)).over(byId);
        Dataset<Row> ranked = all.withColumn("_n", when(col(DOC_ID).isNull(), lit(1)).otherwise(row_number().over(byId)))
                .withColumn("_first", first);
        return ranked.withColumn(REASON, when(col("_n").gt(1),
                        concat(lit(RejectReason.DUPLICATE_ID.followedBy(" ")), col(DOC_ID), lit(" (first in "), col("_first"), lit(")")))
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
