package nl.newsthemes.output;

import nl.newsthemes.schema.Decimals;
import nl.newsthemes.spark.ConcurrentJobs;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
    // Concurrent: a run writes several tables at once (writeAll, and an incremental run's months).
    private final Map<String, Long> rowCounts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Change> changes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a run did to a table: wrote it whole ({@code months} null), or rewrote only some of its months. What
     * {@link DeltaTables#commit} commits.
     */
    public record Change(java.util.SortedSet<String> months) {
        static final Change WHOLE = new Change(null);

        public boolean whole() {
            return months == null;
        }
    }

    /** A table as a TableWriter wrote it into {@code folder}: the Parquet copy, the one readers and checks read. */
    public static Dataset<Row> read(SparkSession spark, Path folder, String table) {
        return spark.read().parquet(new Path(folder, table).toString());
    }

    public TableWriter(Path folder, FileSystem fs) {
        this.folder = folder;
        this.fs = fs;
    }

    /**
     * A table to write.
     *
     * @param name     folder name under the output, and CSV file name under {@code csv/}
     * @param rows     the table
     * @param sortKeys the columns the CSV rows are sorted by
     */
    public record Table(String name, Dataset<Row> rows, String... sortKeys) {
    }

    /** Writes {@code table} sorted by {@code sortKeys}; returns its row count. */
    public long write(String table, Dataset<Row> data, String... sortKeys) {
        long rows = writeOnce(table, data, sortKeys);
        rowCounts.put(table, rows);
        changes.put(table, Change.WHOLE);
        return rows;
    }

    /**
     * Writes independent tables at once ({@link ConcurrentJobs}): most tables are small, and then a write costs the
     * driver more than the cores. Row counts are recorded in the order given.
     */
    public void writeAll(List<Table> tables) {
        List<Long> counts = ConcurrentJobs.run(tables.stream()
                .map(t -> (Callable<Long>) () -> writeOnce(t.name(), t.rows(), t.sortKeys())).toList());
        for (int i = 0; i < tables.size(); i++) {
            rowCounts.put(tables.get(i).name(), counts.get(i));
            changes.put(tables.get(i).name(), Change.WHOLE);
        }
    }

    /**
     * Computes the table once, for its count, its Parquet and its CSV: a table's lineage can be long, and each
     * action would otherwise compute it again.
     */
    private long writeOnce(String table, Dataset<Row> data, String... sortKeys) {
        boolean cacheHere = data.storageLevel().equals(StorageLevel.NONE());
        Dataset<Row> rows = cacheHere ? data.persist(StorageLevel.MEMORY_AND_DISK()) : data;
        try {
            long count = rows.count();
            writeParquet(table, rows.coalesce(parquetFiles(count)), count > 0);
            writeCsv(table, rows, sortKeys);
            return count;
        } finally {
            if (cacheHere) {
                rows.unpersist(false);
            }
        }
    }

    /**
     * Parquet files (per month, where the table is partitioned by month) for a table of {@code rows} rows: one per
     * {@value #ROWS_PER_PARQUET_FILE} rows, never more than the table has partitions. A small table is then written
     * by one task instead of one per partition: each write task costs the driver and the task a copy of the whole
     * Hadoop configuration, more than writing a few thousand rows.
     */
    static int parquetFiles(long rows) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + ROWS_PER_PARQUET_FILE - 1) / ROWS_PER_PARQUET_FILE));
    }

    /** Rows per Parquet file: files of tens of megabytes, the size Parquet readers do well with. */
    static final long ROWS_PER_PARQUET_FILE = 500_000;

    /**
     * Rewrites only the given months of a table partitioned by month, with Spark's dynamic partition overwrite: the
     * other months' files stay as they are. A month in {@code months} without rows in {@code monthRows} is removed.
     * The CSV is then rewritten whole from the Parquet table as it now stands (the months kept and those just
     * written), read back in {@code monthRows}' columns, so that the new months are computed once, by the Parquet
     * write, and not again for the CSV.
     *
     * @param monthRows the rows of {@code months}, and no others
     */
    public long overwriteMonths(String table, Dataset<Row> monthRows, java.util.Collection<String> months,
                                String... sortKeys) {
        overwriteParquetMonths(table, monthRows, months);
        try {
            fs.delete(new Path(new Path(folder, CSV_FOLDER), table + ".csv"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the CSV of " + table + ": " + e.getMessage(), e);
        }
        writeCsv(table, readBack(monthRows.sparkSession(), table, monthRows.schema()), sortKeys);
        changes.put(table, new Change(java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(months))));
        return count(table);
    }

    /**
     * The table as written in this folder, read with {@code schema} in {@code spark}, its columns in the schema's
     * order: Spark puts a partition column ({@code month}) last.
     */
    private Dataset<Row> readBack(SparkSession spark, String table, org.apache.spark.sql.types.StructType schema) {
        return spark.read().schema(schema).parquet(parquetPath(table))
                .select(Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    /** Writes a table as Parquet only (partitioned by month where it has rows and a month column): internal state. */
    public void writeParquet(String table, Dataset<Row> data) {
        writeParquet(table, data, !data.isEmpty());
    }

    private void writeParquet(String table, Dataset<Row> data, boolean hasRows) {
        // An empty table partitioned by month would be written as no file at all, and readers could not tell its
        // columns: empty tables are written as one file with the schema.
        boolean byMonth = Arrays.asList(data.columns()).contains(MONTH) && hasRows;
        var parquet = data.write().mode(SaveMode.ErrorIfExists);
        (byMonth ? parquet.partitionBy(MONTH) : parquet).parquet(parquetPath(table));
    }

    /**
     * The Parquet part of {@link #overwriteMonths}. The rows are computed once, by the write: a night without rows for
     * a month writes no file for it, and where no month is left the table is written empty with its columns.
     */
    public void overwriteParquetMonths(String table, Dataset<Row> monthRows, java.util.Collection<String> months) {
        Path tablePath = new Path(folder, table);
        try {
            if (fs.exists(tablePath) && fs.globStatus(new Path(tablePath, MONTH + "=*")).length == 0) {
                // The previous table was empty, written without partitions: start it afresh.
                fs.delete(tablePath, true);
            }
            for (String month : months) {
                fs.delete(new Path(tablePath, MONTH + "=" + month), true);
            }
            // Dynamic overwrite replaces only the months that have rows; with none it writes no month at all.
            monthRows.write().mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic")
                    .partitionBy(MONTH).parquet(tablePath.toString());
            if (fs.globStatus(new Path(tablePath, MONTH + "=*")).length == 0) {
                fs.delete(tablePath, true);
                monthRows.limit(0).write().parquet(tablePath.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite months of " + tablePath + ": " + e.getMessage(), e);
        }
    }

    /** Replaces a table that is not partitioned by month (or is rewritten whole) with {@code data}. */
    public long replace(String table, Dataset<Row> data, String... sortKeys) {
        try {
            fs.delete(new Path(folder, table), true);
            fs.delete(new Path(new Path(folder, CSV_FOLDER), table + ".csv"), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + table + ": " + e.getMessage(), e);
        }
        return write(table, data, sortKeys);
    }

    /** Records the row count of a table that was carried over unchanged. */
    public long keep(String table) {
        return count(table);
    }

    private String parquetPath(String table) {
        return new Path(folder, table).toString();
    }

    /** Counts the written table: reads only Parquet footers. */
    private long count(String table) {
        long rows = SparkSession.active().read().parquet(parquetPath(table)).count();
        rowCounts.put(table, rows);
        return rows;
    }

    private void writeCsv(String table, Dataset<Row> data, String... sortKeys) {
        Path csvTemp = new Path(folder, "_tmp_csv_" + table);
        // coalesce, not repartition: one task reads the partitions in their order and sorts, with no shuffle. The
        // rows are cached here (writeOnce) or Parquet files read back (overwriteMonths), so that the one task has
        // little to compute that a shuffle's map side would have spread.
        forCsv(data).coalesce(1).sortWithinPartitions(Arrays.stream(sortKeys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).write()
                .mode(SaveMode.ErrorIfExists)
                .option("header", "true")
                .option("escape", "\"")
                .option("encoding", "UTF-8")
                .option("lineSep", "\n")
                .csv(csvTemp.toString());
        moveSinglePart(csvTemp, new Path(new Path(folder, CSV_FOLDER), table + ".csv"));
    }

    public Map<String, Long> rowCounts() {
        return Map.copyOf(rowCounts);
    }

    /** The tables written, whole or by month; a table {@link #keep kept} as it was is not among them. */
    public Map<String, Change> changes() {
        return Map.copyOf(changes);
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
                c = c.cast(new DecimalType(24, Decimals.PLACES));
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
