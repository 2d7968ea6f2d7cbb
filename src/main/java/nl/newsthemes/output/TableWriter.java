package nl.newsthemes.output;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.newsthemes.schema.Columns.MONTH;
import static org.apache.spark.sql.functions.*;

/**
 * Writes a table twice into a folder: as Parquet in {@code <table>/} (partitioned by {@code month} where the table
 * has one) and as one CSV file with a header in {@code csv/<table>.csv}, rows sorted by the table's key so the same
 * data always gives the same bytes. In the CSV, lists are joined with {@value #LIST_SEPARATOR} and decimals are
 * written with six places (no exponent notation, which spreadsheets misread). Text that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, so that no spreadsheet runs
 * an article's words as a formula (OWASP's advice on CSV injection); numbers are numeric columns and stay as they are.
 */
public final class TableWriter {
    public static final String LIST_SEPARATOR = " | ";
    public static final String CSV_FOLDER = "csv";

    private final Path folder;
    private final FileSystem fs;
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();

    public TableWriter(Path folder, FileSystem fs) {
        this.folder = folder;
        this.fs = fs;
    }

    /** Writes {@code table} sorted by {@code sortKeys}; returns its row count. */
    public long write(String table, Dataset<Row> data, String... sortKeys) {
        // An empty table partitioned by month would be written as no file at all, and readers could not tell its
        // columns: empty tables are written as one file with the schema.
        boolean byMonth = Arrays.asList(data.columns()).contains(MONTH) && !data.isEmpty();
        String parquetPath = new Path(folder, table).toString();
        var parquet = data.write().mode(SaveMode.ErrorIfExists);
        (byMonth ? parquet.partitionBy(MONTH) : parquet).parquet(parquetPath);
        // Counting the written table reads only Parquet footers.
        long rows = data.sparkSession().read().parquet(parquetPath).count();

        Path csvTemp = new Path(folder, "_tmp_csv_" + table);
        forCsv(data).repartition(1).sortWithinPartitions(Arrays.stream(sortKeys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).write()
                .mode(SaveMode.ErrorIfExists)
                .option("header", "true")
                .option("escape", "\"")
                .option("encoding", "UTF-8")
                .option("lineSep", "\n")
                .csv(csvTemp.toString());
        moveSinglePart(csvTemp, new Path(new Path(folder, CSV_FOLDER), table + ".csv"));
        rowCounts.put(table, rows);
        return rows;
    }

    public Map<String, Long> rowCounts() {
        return Map.copyOf(rowCounts);
    }

    /** Lists joined to text, doubles as fixed-point decimals; everything else as Spark writes it. */
    public static Dataset<Row> forCsv(Dataset<Row> data) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            Column c = col(field.name());
            if (field.dataType() instanceof ArrayType) {
                c = defuse(concat_ws(LIST_SEPARATOR, c.cast("array<string>")));
            } else if (field.dataType().equals(DataTypes.StringType)) {
                c = defuse(c);
            } else if (field.dataType().equals(DataTypes.DoubleType)) {
                c = c.cast(new DecimalType(24, 6));
            }
            columns.add(c.as(field.name()));
        }
        return data.select(columns.toArray(Column[]::new));
    }

    /** Text a spreadsheet would take for a formula, quoted with a leading apostrophe. */
    static Column defuse(Column text) {
        return when(text.rlike("^[=+\\-@\t\r]"), concat(lit("'"), text)).otherwise(text);
    }

    private void moveSinglePart(Path temp, Path target) {
        try {
            FileStatus[] parts = fs.globStatus(new Path(temp, "part-*.csv"));
            if (parts == null || parts.length != 1) {
                throw new IllegalStateException("expected one CSV part file in " + temp + ", found "
                        + (parts == null ? 0 : parts.length));
            }
            fs.mkdirs(target.getParent());
            if (!fs.rename(parts[0].getPath(), target)) {
                throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
            }
            fs.delete(temp, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
