package nl.newsthemes.ingest;

import nl.newsthemes.config.ConfigException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Reads tables of articles: JSON lines, CSV (with a header line) and Parquet, with the columns {@code id},
 * {@code date}, {@code title}, {@code text} and optionally {@code source} and {@code url}; other columns are
 * ignored. Each record becomes an article or a reject (malformed, missing or invalid date, no title and no text).
 * A record without an id gets a hash of its date, title and text. A table that lacks the {@code date} column, or
 * both {@code title} and {@code text}, is a {@link ConfigException}: the input is not a corpus.
 */
final class TabularReader {
    static final String CORRUPT = "_corrupt_record";
    static final String ID = "id";
    private static final List<String> FIELDS = List.of(ID, DATE, TITLE, TEXT, SOURCE, URL);
    private static final StructType RAW = rawSchema(FIELDS);

    private static final StructType PARSED_DATE = new StructType()
            .add("value", DataTypes.StringType)
            .add("problem", DataTypes.StringType);

    /** Normalizes a date the same way as text headers do (see {@link ArticleDate}). */
    private static final UserDefinedFunction PARSE_DATE = udf((UDF1<String, Row>) raw -> {
        try {
            return RowFactory.create(ArticleDate.normalize(raw), null);
        } catch (IllegalArgumentException e) {
            return RowFactory.create(null, e.getMessage());
        }
    }, PARSED_DATE).asNonNullable();

    /** Spark names files by URI (spaces as %20); the listing names them as Hadoop paths. */
    private static final UserDefinedFunction HADOOP_PATH = udf((UDF1<String, String>) uri ->
            new org.apache.hadoop.fs.Path(new URI(uri)).toString(), DataTypes.StringType);

    private TabularReader() {
    }

    static Dataset<Row> jsonLines(SparkSession spark, List<InputFile> files) {
        if (files.isEmpty()) {
            return null;
        }
        Dataset<Row> raw = spark.read().schema(RAW.add(CORRUPT, DataTypes.StringType))
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .json(paths(files));
        return toArticles(withFileAndPosition(raw), "not a JSON object");
    }

    /** CSV files are read one by one: each has its own header, and Spark would apply the first file's to all. */
    static Dataset<Row> csv(SparkSession spark, List<InputFile> files) {
        Dataset<Row> all = null;
        for (InputFile file : files) {
            String[] header = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .csv(file.path()).columns();
            requireColumns(Arrays.asList(header), file.path());
            Dataset<Row> raw = spark.read()
                    .schema(rawSchema(Arrays.asList(header)).add(CORRUPT, DataTypes.StringType))
                    .option("header", "true")
                    .option("multiLine", "true")
                    .option("escape", "\"")
                    .option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT)
                    .csv(file.path());
            Dataset<Row> one = toArticles(withFileAndPosition(selectKnown(raw, Set.of(header))), "a malformed CSV record");
            all = all == null ? one : all.unionByName(one);
        }
        return all;
    }

    static Dataset<Row> parquet(SparkSession spark, List<InputFile> files) {
        if (files.isEmpty()) {
            return null;
        }
        Dataset<Row> raw = spark.read().option("mergeSchema", "true").parquet(paths(files));
        List<String> columns = Arrays.asList(raw.columns());
        requireColumns(columns, files.size() == 1 ? files.get(0).path() : files.size() + " Parquet files");
        return toArticles(withFileAndPosition(selectKnown(raw.withColumn(CORRUPT, lit(null).cast(DataTypes.StringType)),
                Set.copyOf(columns))), "");
    }

    private static void requireColumns(List<String> columns, String what) {
        ConfigException.check(columns.contains(DATE),
                "%s has no column 'date'; a table of articles needs id, date, title, text (found: %s)", what, columns);
        ConfigException.check(columns.contains(TEXT) || columns.contains(TITLE),
                "%s has neither a 'text' nor a 'title' column (found: %s)", what, columns);
    }

    /** The known columns as strings, null where a table lacks them, plus the corrupt-record column. */
    private static Dataset<Row> selectKnown(Dataset<Row> raw, Set<String> present) {
        List<Column> columns = new ArrayList<>();
        for (String field : FIELDS) {
            columns.add((present.contains(field) ? col(field).cast(DataTypes.StringType) : lit(null).cast(DataTypes.StringType)).as(field));
        }
        columns.add(col(CORRUPT));
        columns.add(col("_metadata.file_path").as(PATH));
        return raw.select(columns.toArray(Column[]::new));
    }

    private static Dataset<Row> withFileAndPosition(Dataset<Row> raw) {
        Dataset<Row> withPath = Arrays.asList(raw.columns()).contains(PATH) ? raw
                : raw.withColumn(PATH, col("_metadata.file_path"));
        return withPath.withColumn(PATH, HADOOP_PATH.apply(col(PATH)))
                .withColumn(POSITION, monotonically_increasing_id());
    }

    /** The raw columns to the {@link ArticleRows} shape, with a reject reason where a record is unusable. */
    private static Dataset<Row> toArticles(Dataset<Row> raw, String malformed) {
        Column id = nullif(trim(col(ID)), lit(""));
        Column title = nullif(trim(col(TITLE)), lit(""));
        Column text = nullif(trim(col(TEXT)), lit(""));
        Column parsed = PARSE_DATE.apply(col(DATE));
        Column reason = when(col(CORRUPT).isNotNull(), lit(RejectReason.MALFORMED_RECORD.because(malformed)))
                .when(parsed.getField("problem").isNotNull(), parsed.getField("problem"))
                .when(title.isNull().and(text.isNull()), lit(RejectReason.EMPTY_TEXT.because("no title and no text")));
        Column hashId = substring(sha2(concat_ws("\u0001", col(DATE), coalesce(title, lit("")), coalesce(text, lit(""))), 256),
                1, Hashes.ID_HEX_DIGITS);
        Column record = coalesce(id, substring(col(CORRUPT), 1, 120), substring(title, 1, 120), substring(text, 1, 120));
        Dataset<Row> checked = raw.withColumn("_date", parsed.getField("value")).withColumn(REASON, reason);
        return checked.select(
                when(col(REASON).isNull(), coalesce(id, hashId)).as(DOC_ID),
                when(col(REASON).isNull(), col("_date")).as(DATE),
                when(col(REASON).isNull(), substring(col("_date"), 1, 7)).as(MONTH),
                when(col(REASON).isNull(), nullif(trim(col(SOURCE)), lit(""))).as(SOURCE),
                when(col(REASON).isNull(), title).as(TITLE),
                when(col(REASON).isNull(), coalesce(text, lit(""))).as(TEXT),
                when(col(REASON).isNull(), nullif(trim(col(URL)), lit(""))).as(URL),
                col(PATH),
                col(POSITION),
                when(col(REASON).isNotNull(), record).as(RECORD),
                col(REASON));
    }

    private static StructType rawSchema(List<String> names) {
        StructType schema = new StructType();
        for (String name : names) {
            schema = schema.add(name, DataTypes.StringType);
        }
        return schema;
    }

    private static String[] paths(List<InputFile> files) {
        return files.stream().map(InputFile::path).toArray(String[]::new);
    }
}
