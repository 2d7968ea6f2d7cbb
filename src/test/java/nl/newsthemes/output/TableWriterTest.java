package nl.newsthemes.output;

import nl.newsthemes.OutputFiles;
import nl.newsthemes.SparkTestBase;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableWriterTest extends SparkTestBase {
    @Test
    void csvCellsThatASpreadsheetWouldRunAreQuotedAndNumbersStayNumbers(@TempDir Path dir) throws Exception {
        StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("tokens", DataTypes.IntegerType).add("share", DataTypes.DoubleType)
                .add("terms", new ArrayType(DataTypes.StringType, false));
        Dataset<Row> rows = spark.createDataFrame(List.of(
                RowFactory.create("a", "=HYPERLINK(\"http://evil\",\"klik\")", -3, -0.25, new String[]{"+31", "sancties"}),
                RowFactory.create("b", "@SUM(1+1)", 7, 1e-7, new String[]{}),
                RowFactory.create("c", "-5 graden", 0, 0.5, new String[]{"navo"}),
                RowFactory.create("d", "\tTab en\rCR", 1, 1.0, new String[]{"-x"}),
                RowFactory.create("e", "Gewone kop, met \"quotes\"", 2, 0.0, new String[]{"a", "b"})), schema);
        FileSystem fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
        new TableWriter(new org.apache.hadoop.fs.Path(dir.toUri()), fs).write("t", rows, "doc_id");
        assertEquals(String.join("\n",
                "doc_id,title,tokens,share,terms",
                "a,\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\",-3,-0.250000,'+31 | sancties",
                "b,'@SUM(1+1),7,0.000000,\"\"",
                "c,'-5 graden,0,0.500000,navo",
                "d,\"'\tTab en\rCR\",1,1.000000,'-x",
                "e,\"Gewone kop, met \"\"quotes\"\"\",2,0.000000,a | b",
                ""), Files.readString(dir.resolve("csv/t.csv"), StandardCharsets.UTF_8));
        // Parquet keeps the values as they are.
        assertEquals("=HYPERLINK(\"http://evil\",\"klik\")",
                spark.read().parquet(dir.resolve("t").toString()).filter("doc_id = 'a'").first().getAs("title"));
    }

    @Test
    void aSmallTableIsOneParquetFilePerMonthWhateverItsPartitions(@TempDir Path dir) throws Exception {
        StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("month", DataTypes.StringType);
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("d", "2022-02"), RowFactory.create("a", "2022-01"),
                RowFactory.create("c", "2022-02"), RowFactory.create("b", "2022-01")), schema).repartition(4);
        FileSystem fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
        assertEquals(4, new TableWriter(new org.apache.hadoop.fs.Path(dir.toUri()), fs).write("t", rows, "doc_id"));
        for (String month : List.of("2022-01", "2022-02")) {
            try (var files = Files.list(dir.resolve("t/month=" + month))) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count(), month);
            }
        }
        assertEquals("doc_id,month\na,2022-01\nb,2022-01\nc,2022-02\nd,2022-02\n", Files.readString(dir.resolve("csv/t.csv")));
        assertEquals(1, TableWriter.parquetFiles(0));
        assertEquals(1, TableWriter.parquetFiles(TableWriter.ROWS_PER_PARQUET_FILE));
        assertEquals(3, TableWriter.parquetFiles(2 * TableWriter.ROWS_PER_PARQUET_FILE + 1));
    }

    /**
     * An incremental night's rewrite of some months: the other months' files stay, a month without rows left is
     * removed, and the CSV is the whole table as it now stands, in the columns' order; a table left without months is
     * written empty with its columns, and the next night adds months to it again.
     */
    @Test
    void rewritingMonthsKeepsTheOthersRemovesEmptiedOnesAndRewritesTheWholeCsv(@TempDir Path dir) throws Exception {
        StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("month", DataTypes.StringType)
                .add("tokens", DataTypes.IntegerType);
        FileSystem fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.toUri());
        new TableWriter(folder, fs).write("t", spark.createDataFrame(List.of(RowFactory.create("a", "2022-01", 1),
                RowFactory.create("b", "2022-02", 2), RowFactory.create("c", "2022-03", 3)), schema), "doc_id");
        Path january = dir.resolve("t/month=2022-01");
        java.nio.file.attribute.FileTime januaryWritten = Files.getLastModifiedTime(january);

        // February gains an article, March loses its only one; January is not touched.
        TableWriter night = new TableWriter(folder, fs);
        assertEquals(3, night.overwriteMonths("t", spark.createDataFrame(List.of(RowFactory.create("d", "2022-02", 4),
                RowFactory.create("b", "2022-02", 5)), schema), List.of("2022-02", "2022-03"), "doc_id"));
        assertEquals("doc_id,month,tokens\na,2022-01,1\nb,2022-02,5\nd,2022-02,4\n", Files.readString(dir.resolve("csv/t.csv")));
        assertEquals(List.of("month=2022-01", "month=2022-02"), OutputFiles.monthFolders(dir.resolve("t")));
        assertEquals(januaryWritten, Files.getLastModifiedTime(january), "January's files stay as they were");
        assertEquals(new TableWriter.Change(new java.util.TreeSet<>(List.of("2022-02", "2022-03"))), night.changes().get("t"));

        // Every month emptied: an empty table with its columns, then a month again.
        assertEquals(0, new TableWriter(folder, fs).overwriteMonths("t", spark.createDataFrame(List.of(), schema),
                List.of("2022-01", "2022-02"), "doc_id"));
        assertEquals("doc_id,month,tokens\n", Files.readString(dir.resolve("csv/t.csv")));
        assertEquals(List.of(), OutputFiles.monthFolders(dir.resolve("t")));
        assertEquals(schema.fieldNames().length, spark.read().parquet(dir.resolve("t").toString()).columns().length);
        assertEquals(1, new TableWriter(folder, fs).overwriteMonths("t", spark.createDataFrame(List.of(
                RowFactory.create("e", "2022-04", 6)), schema), List.of("2022-04"), "doc_id"));
        assertEquals("doc_id,month,tokens\ne,2022-04,6\n", Files.readString(dir.resolve("csv/t.csv")));
        assertEquals(List.of("month=2022-04"), OutputFiles.monthFolders(dir.resolve("t")));
    }
}
