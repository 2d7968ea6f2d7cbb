package nl.newsthemes.ingest;

import nl.newsthemes.SparkTestBase;
import nl.newsthemes.config.ConfigException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Ingest on real files of every format: every file and record ends up loaded or rejected with its reason. */
class CorpusReaderTest extends SparkTestBase {

    private static Corpus read(Path... inputs) {
        List<String> paths = Arrays.stream(inputs).map(Path::toString).toList();
        return CorpusReader.read(spark, InputListing.list(paths, spark.sparkContext().hadoopConfiguration()),
                nl.newsthemes.config.Options.MAX_FILE_BYTES.defaultValue());
    }

    private static String uri(Path p) {
        return "file:" + p.toAbsolutePath();
    }

    @Test
    void textFilesGoodAndBad(@TempDir Path dir) throws IOException {
        Path texts = Files.createDirectories(dir.resolve("texts/nested"));
        Files.writeString(texts.resolve("a.txt"), " date 2022-01 De NAVO en Rusland.\n\nTweede alinea.");
        Files.writeString(texts.resolve("b.txt"), "\uFEFFdate 2021-12-09\r\nSancties tegen Rusland.\r\n");
        Files.writeString(texts.resolve("bad-month.txt"), "date 2022-13 tekst");
        Files.writeString(texts.resolve("no-header.txt"), "Gewoon een tekst zonder datum.");
        Files.writeString(texts.resolve("no-body.txt"), "date 2022-01\n");
        Files.writeString(texts.resolve("empty.txt"), "");
        Files.write(texts.resolve("latin1.txt"), "date 2022-01 Oekra\u00efne".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(texts.resolve("notes.md"), "# not an article");
        Files.writeString(texts.resolve(".hidden.txt"), "date 2022-01 verborgen");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(texts.resolve("c.txt.gz")))) {
            out.write("date 2022-02 Gecomprimeerd artikel over Minsk.".getBytes(StandardCharsets.UTF_8));
        }
        byte[] gz = Files.readAllBytes(texts.resolve("c.txt.gz"));
        Files.write(texts.resolve("cut.txt.gz"), Arrays.copyOf(gz, gz.length / 2));

        Corpus corpus = read(dir.resolve("texts"));
        assertEquals(List.of(
                        List.of(uri(texts.resolve("a.txt")), "2022-01", "2022-01", "De NAVO en Rusland.\n\nTweede alinea."),
                        List.of(uri(texts.resolve("b.txt")), "2021-12-09", "2021-12", "Sancties tegen Rusland."),
                        List.of(uri(texts.resolve("c.txt.gz")), "2022-02", "2022-02", "Gecomprimeerd artikel over Minsk.")),
                values(corpus.articles().orderBy(PATH).select(PATH, DATE, MONTH, TEXT)));
        assertEquals(List.of(
                        List.of(uri(texts.resolve("bad-month.txt")), "invalid date header: invalid date '2022-13': Invalid value for MonthOfYear (valid values 1 - 12): 13"),
                        List.of(uri(texts.resolve("cut.txt.gz")), "unreadable: gzip data is cut short"),
                        List.of(uri(texts.resolve("empty.txt")), "empty file"),
                        List.of(uri(texts.resolve("latin1.txt")), "not UTF-8 text: invalid bytes at offset 18 (convert the file to UTF-8)"),
                        List.of(uri(texts.resolve("no-body.txt")), "empty text: nothing after the date header"),
                        List.of(uri(texts.resolve("no-header.txt")), "no date header: the first line must start with 'date YYYY-MM', found 'Gewoon een tekst zonder datum.'"),
                        List.of(uri(texts.resolve("notes.md")), "unsupported file type: expected .txt, .txt.gz, .jsonl, .jsonl.gz, .json, .csv or .parquet")),
                values(corpus.rejects().orderBy(PATH).select(PATH, REASON)));
        // The doc_id is the content hash (SHA-256, 16 hex digits): stable across runs and folders.
        assertEquals("5bdefa054accaca5",
                corpus.articles().orderBy(PATH).first().getAs(DOC_ID));
        // Every file once: 3 loaded + 7 rejected = the 10 files listed (the hidden one is metadata, not input).
        assertEquals(List.of(List.of(10L, 10L, 3L, 7L)), values(corpus.fileCounts().agg(
                org.apache.spark.sql.functions.count(PATH), org.apache.spark.sql.functions.sum(RECORDS),
                org.apache.spark.sql.functions.sum(LOADED), org.apache.spark.sql.functions.sum(REJECTED))));
    }

    @Test
    void jsonLinesWithBrokenRowsMissingFieldsAndDuplicates(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("news.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"id\": \"a1\", \"date\": \"2022-06-01\", \"title\": \"Sancties\", \"text\": \"De EU neemt sancties.\", \"source\": \"nos\", \"url\": \"u1\"}",
                "{\"id\": \"a2\", \"date\": \"2022-06\", \"title\": \"Kop zonder tekst\", \"text\": \"\"}",
                "{\"id\": \"a3\", \"date\": \"juni 2022\", \"title\": \"t\", \"text\": \"x\"}",
                "{\"id\": \"a4\", \"title\": \"t\", \"text\": \"geen datum\"}",
                "{\"id\": \"a5\", \"date\": \"2022-07-02\", \"title\": \" \", \"text\": \"  \"}",
                "{\"id\": \"a1\", \"date\": \"2022-07-03\", \"title\": \"zelfde id\", \"text\": \"tweede keer\"}",
                "{this is not json",
                "{\"date\": \"2022-07-04\", \"title\": \"Zonder id\", \"text\": \"Tekst.\"}",
                "{\"id\": 17, \"date\": \"2022-07-05\", \"title\": \"Getal als id\", \"text\": \"Tekst.\"}"));
        Corpus corpus = read(jsonl);
        assertEquals(List.of(
                        Arrays.asList("17", "2022-07-05", "2022-07", null, "Getal als id", "Tekst."),
                        Arrays.asList("a1", "2022-06-01", "2022-06", "nos", "Sancties", "De EU neemt sancties."),
                        Arrays.asList("a2", "2022-06", "2022-06", null, "Kop zonder tekst", ""),
                        Arrays.asList("c2565d41913ab554", "2022-07-04", "2022-07", null, "Zonder id", "Tekst.")),
                values(corpus.articles().orderBy(DOC_ID).select(DOC_ID, DATE, MONTH, SOURCE, TITLE, TEXT)));
        assertEquals(List.of(
                        List.of("a1", "duplicate doc_id a1 (first in " + uri(jsonl) + ")"),
                        List.of("a3", "invalid date 'juni 2022': expected YYYY-MM or YYYY-MM-DD"),
                        List.of("a4", "missing date"),
                        List.of("a5", "empty text: no title and no text"),
                        List.of("{this is not json", "malformed record: not a JSON object")),
                values(corpus.rejects().orderBy(RECORD).select(RECORD, REASON)));
    }

    @Test
    void csvWithItsOwnColumnOrderAndParquet(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "source,text,title,date,id,extra\n"
                + "nrc,\"Tekst met \"\"quotes\"\", komma's\nen een regel\",Titel,2022-08-01,c1,x\n"
                + "nos,,Alleen een kop,2022-08-02,c2,y\n"
                + "nos,tekst,kop,2022-08,c3,z\n");
        StructType schema = new StructType().add("id", DataTypes.StringType).add("date", DataTypes.DateType)
                .add("title", DataTypes.StringType).add("text", DataTypes.StringType);
        Dataset<Row> parquet = spark.createDataFrame(List.of(
                RowFactory.create("p1", java.sql.Date.valueOf("2022-09-03"), "Parquet", "Tekst uit Parquet.")), schema);
        parquet.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.resolve("pq").toString());

        Corpus corpus = read(csv, dir.resolve("pq"));
        assertEquals(List.of(
                        Arrays.asList("c1", "2022-08-01", "nrc", "Titel", "Tekst met \"quotes\", komma's\nen een regel"),
                        Arrays.asList("c2", "2022-08-02", "nos", "Alleen een kop", ""),
                        Arrays.asList("c3", "2022-08", "nos", "kop", "tekst"),
                        Arrays.asList("p1", "2022-09-03", null, "Parquet", "Tekst uit Parquet.")),
                values(corpus.articles().orderBy(DOC_ID).select(DOC_ID, DATE, SOURCE, TITLE, TEXT)));
        assertEquals(0, corpus.rejects().count());
    }

    /**
     * Rejects are counted per kind of reason: the reasons the readers write, each with what was found (a value, an
     * id, a path), count under their kind's label; "invalid date header" is not an "invalid date", and a reason of no
     * known kind keeps its own words.
     */
    @Test
    void rejectsAreCountedPerKindOfReason() {
        List<String> reasons = List.of(
                "duplicate doc_id a1 (first in file:/in/a.jsonl)", "duplicate doc_id b2 (first in file:/in/b.jsonl)",
                "invalid date '20220501': expected YYYY-MM or YYYY-MM-DD", "invalid date '2022-02-30': Invalid date",
                "invalid date header: invalid date '2022-13': Invalid value", "missing date",
                "invalid date header: missing date", "too large after gunzip: more than max_file_bytes 4096",
                "too large: 2147483648 bytes, above max_file_bytes 4096 (not read)", "malformed record: not a JSON object",
                "not UTF-8 text: invalid bytes at offset 20 (convert the file to UTF-8)", "a reason of no kind: x");
        StructType schema = new StructType().add(REASON, DataTypes.StringType);
        Dataset<Row> rejects = spark.createDataFrame(reasons.stream().map(r -> RowFactory.create(r)).toList(), schema);
        Dataset<Row> noArticles = spark.createDataFrame(List.of(), new StructType().add(MONTH, DataTypes.StringType));
        Ingested counted = Ingested.count(noArticles, rejects);
        assertEquals(new java.util.TreeMap<>(java.util.Map.of("duplicate doc_id", 2L, "invalid date", 2L,
                "invalid date header", 2L, "missing date", 1L, "too large", 2L, "malformed record", 1L,
                "not UTF-8 text", 1L, "a reason of no kind: x", 1L)), counted.rejectsByReason());
        assertEquals(12, counted.rejected());
        assertEquals(List.of("duplicate doc_id a1 (first in file:/in/a.jsonl)", "duplicate doc_id b2 (first in file:/in/b.jsonl)"),
                rejects.filter(RejectReason.DUPLICATE_ID.isKindOf(org.apache.spark.sql.functions.col(REASON)))
                        .collectAsList().stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void aTableWithoutDatesIsNotACorpus(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "id,titel,tekst\n1,a,b\n");
        assertEquals("file:" + csv + " has no column 'date'; a table of articles needs id, date, title, text (found: [id, titel, tekst])",
                assertThrows(ConfigException.class, () -> read(csv)).getMessage());
    }

    @Test
    void filesThatDisappearAfterListingAreRejectedWithThatReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kept.txt"), "date 2022-01 Blijft staan.");
        Files.writeString(dir.resolve("gone.txt"), "date 2022-01 Verdwijnt.");
        Files.writeString(dir.resolve("gone.jsonl"), "{\"id\": \"g1\", \"date\": \"2022-01\", \"title\": \"weg\"}\n");
        InputListing listing = InputListing.list(List.of(dir.toString()), spark.sparkContext().hadoopConfiguration());
        Files.delete(dir.resolve("gone.txt"));
        Files.delete(dir.resolve("gone.jsonl"));
        Corpus corpus = CorpusReader.read(spark, listing, nl.newsthemes.config.Options.MAX_FILE_BYTES.defaultValue());
        assertEquals(List.of(List.of(uri(dir.resolve("kept.txt")))), values(corpus.articles().select(PATH)));
        List<List<Object>> rejects = values(corpus.rejects().orderBy(PATH).select(PATH, REASON));
        assertEquals(List.of(uri(dir.resolve("gone.jsonl")), "disappeared after listing"), rejects.get(0));
        assertEquals(uri(dir.resolve("gone.txt")), rejects.get(1).get(0));
        assertEquals(true, ((String) rejects.get(1).get(1)).startsWith("disappeared after listing: "), rejects.toString());
        assertEquals(2, rejects.size());
    }

    @Test
    void aMissingInputIsAConfigError(@TempDir Path dir) {
        assertEquals("input " + dir.resolve("nope") + " does not exist: check the --input path",
                assertThrows(ConfigException.class, () -> read(dir.resolve("nope"))).getMessage());
    }
}
