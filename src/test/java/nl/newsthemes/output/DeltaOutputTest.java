package nl.newsthemes.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.OutputFiles;
import nl.newsthemes.SampleRun;
import nl.newsthemes.ThemesJob;
import nl.newsthemes.reliability.FileEvents;
import nl.newsthemes.reliability.JobProcess;
import nl.newsthemes.schema.Tables;
import nl.newsthemes.spark.NioLocalFileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static nl.newsthemes.schema.Columns.DOC_ID;
import static nl.newsthemes.schema.Columns.MONTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outputs as Delta Lake tables ({@code --table-format delta}), in a session that has Delta Lake's extension (as
 * a notebook's would), over two nights: each night a version, the CSV files the same as with Parquet, a run of the
 * second night killed once it has committed a table (the published versions still read as the first night), the
 * night run again (what the killed run committed restored first, only the new article's month replaced), and the
 * first version read back exactly.
 */
class DeltaOutputTest {
    private static SparkSession spark;
    /** The first night's run date: that of the Parquet run that {@link SampleRun} makes, whose CSV files it gives. */
    private static final java.time.LocalDate FIRST_NIGHT = java.time.LocalDate.parse(SampleRun.RUN_DATE);

    @BeforeAll
    static void startSpark() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("delta-test")
                .set("spark.ui.enabled", "false")
                .set("spark.sql.shuffle.partitions", "2")
                .set(NioLocalFileSystem.SETTING, NioLocalFileSystem.class.getName());
        DeltaTables.configure(conf);
        spark = SparkSession.builder().config(conf).getOrCreate();
    }

    /** The job's arguments for a night with Delta tables: the sample and the files under {@code <dir>/added}. */
    private static String[] night(Path dir, Path out, java.time.LocalDate runDate, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--input", "data/sample", dir.resolve("added").toString(),
                "--output", out.toString(), "--config", OneClustering.config(), "--table-format", "delta",
                "--run-date", runDate.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    @Test
    void eachNightIsAVersionAndAKilledNightIsUndone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path added = Files.createDirectories(dir.resolve("added"));
        assertEquals(ExitCode.DONE, ThemesJob.run(night(dir, out, FIRST_NIGHT)));

        JsonNode manifest = manifest(out);
        assertEquals("delta", manifest.get(OutputFolder.MANIFEST_FORMAT).asText());
        Map<String, Long> zero = new TreeMap<>();
        Tables.ALL.forEach(t -> zero.put(t, 0L));
        assertEquals(zero, versions(manifest), "the first run writes version 0 of every table");
        for (String table : Tables.ALL) {
            assertTrue(Files.isDirectory(out.resolve(table).resolve("_delta_log")), table + " is a Delta table");
            assertEquals(manifest.get("tables").get(table).asLong(), delta(out, table).count(), table + "'s rows");
        }
        assertEquals(List.of("month=2021-12", "month=2022-01"), OutputFiles.monthFolders(out.resolve(Tables.DOCUMENTS)));
        // The month is in the folder only, as with Parquet tables: a data file read alone has every other column.
        Path dataFile;
        try (var files = Files.walk(out.resolve(Tables.DOCUMENTS + "/month=2021-12"))) {
            dataFile = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        assertEquals(Arrays.stream(delta(out, Tables.DOCUMENTS).columns()).filter(c -> !c.equals(MONTH)).toList(),
                List.of(spark.read().parquet(dataFile.toString()).columns()));
        for (String table : Tables.ALL) {
            assertEquals(csvRows(out, table), recordsAdded(out.resolve(table + "/_delta_log/00000000000000000000.json")),
                    table + ": the record counts in version 0's log add up to the CSV's rows");
        }
        Path parquetRun = SampleRun.oneClustering();
        for (String table : Tables.ALL) {
            if (!table.equals(Tables.INPUT_FILES)) { // the Parquet run read data/sample alone
                assertEquals(Files.readString(parquetRun.resolve("csv/" + table + ".csv")),
                        Files.readString(out.resolve("csv/" + table + ".csv")), table + ".csv is as with Parquet tables");
            }
        }
        List<Row> documentsBefore = delta(out, Tables.DOCUMENTS).orderBy(DOC_ID).collectAsList();
        Map<String, List<Row>> night1 = new TreeMap<>();
        for (String table : Tables.ALL) {
            night1.put(table, sorted(delta(out, table)));
        }
        String manifest1 = Files.readString(out.resolve("manifest.json"));

        // The next night adds an article of January 2022. Its first run is killed (SIGKILL: no shutdown hook, no
        // finally) once it has committed a table; the published versions read back as the first night.
        Files.writeString(added.resolve("new.txt"), " date 2022-01 De Europese Unie kondigt nieuwe sancties tegen "
                + "Rusland aan: de tegoeden van Russische banken worden bevroren.");
        Process job = JobProcess.start(dir.resolve("killed.log"), "1g", night(dir, out, FIRST_NIGHT.plusDays(1),
                "--incremental", "--master", "local[2]"));
        waitForACommit(dir, out, job);
        job.destroyForcibly();
        assertTrue(job.waitFor(30, TimeUnit.SECONDS));
        List<String> killedCommits = Tables.ALL.stream()
                .filter(t -> Files.exists(out.resolve(t + "/_delta_log/00000000000000000001.json"))).toList();
        assertEquals(manifest1, Files.readString(out.resolve("manifest.json")), "nothing was published");
        for (String table : Tables.ALL) {
            assertEquals(night1.get(table), sorted(spark.read().format("delta").option("versionAsOf", 0)
                    .load(out.resolve(table).toString())), table + " at the version the manifest names");
        }

        // The night again: it first restores what the killed run committed, then commits its own.
        assertEquals(ExitCode.DONE, ThemesJob.run(night(dir, out, FIRST_NIGHT.plusDays(1), "--incremental")));
        List<String> written = List.of(Tables.DOCUMENTS, Tables.DOC_THEMES, Tables.THEME_MONTHLY,
                Tables.THEME_SOURCE_MONTHLY, Tables.TERMS_MONTHLY, Tables.DOC_TOPICS, Tables.TOPIC_MONTHLY, Tables.REJECTS,
                Tables.INPUT_FILES);
        Map<String, Long> expected = new TreeMap<>();
        for (String table : Tables.ALL) {
            List<String> operations = killedCommits.contains(table) ? List.of("WRITE", "WRITE", "RESTORE", "WRITE")
                    : written.contains(table) ? List.of("WRITE", "WRITE") : List.of("WRITE");
            List<Row> history = history(out, table);
            assertEquals(operations, history.stream().map(r -> r.<String>getAs("operation")).toList(), table
                    + (killedCommits.contains(table) ? ": the killed run's version, restored, and the night's" : ""));
            if (killedCommits.contains(table)) {
                assertEquals("0", history.get(2).<scala.collection.Map<String, String>>getAs("operationParameters")
                        .get("version").get());
            }
            expected.put(table, operations.size() - 1L);
        }
        assertEquals(expected, versions(manifest(out)), "a new version of each table the night wrote, an empty one too; "
                + "the topics, kept as they were, stay at version 0");
        Row commit = history(out, Tables.DOCUMENTS).get(expected.get(Tables.DOCUMENTS).intValue());
        assertEquals("month IN ('2022-01')", commit.<scala.collection.Map<String, String>>getAs("operationParameters")
                .get("predicate").get(), "only the month of the new article is replaced");
        assertEquals(documentsBefore.size() + 1, delta(out, Tables.DOCUMENTS).count());
        assertEquals(1, delta(out, Tables.DOCUMENTS).filter(org.apache.spark.sql.functions.col(MONTH).equalTo("2022-01"))
                .count() - documentsBefore.stream().filter(r -> "2022-01".equals(r.getAs(MONTH))).count());
        assertEquals(documentsBefore, spark.read().format("delta").option("versionAsOf", 0)
                .load(out.resolve(Tables.DOCUMENTS).toString()).orderBy(DOC_ID).collectAsList(),
                "version 0 reads back exactly as the first night wrote it");
        assertEquals(night1.get(Tables.TOPICS), sorted(delta(out, Tables.TOPICS)));
        try (var lines = Files.lines(out.resolve("csv/documents.csv"))) {
            assertEquals(documentsBefore.size() + 2, lines.count(), "the CSV has the header and every document");
        }
    }

    private static List<Row> history(Path out, String table) {
        return spark.sql("DESCRIBE HISTORY delta.`" + out.resolve(table) + "`").orderBy("version").collectAsList();
    }

    /** Waits (at most 3 minutes) until the child has committed a version 1 of some table; returns that table. */
    private static String waitForACommit(Path dir, Path out, Process job) throws IOException, InterruptedException {
        // Two levels under out: each table's _delta_log, where the commit's file appears.
        Path commit = FileEvents.await(out, 2, job, dir.resolve("killed.log"), java.time.Duration.ofMinutes(3),
                "committed a table", () -> Tables.ALL.stream()
                        .map(table -> out.resolve(table + "/_delta_log/00000000000000000001.json"))
                        .filter(Files::exists).findFirst());
        return out.relativize(commit).getName(0).toString();
    }

    /** A table's rows in a fixed order. */
    private static List<Row> sorted(Dataset<Row> table) {
        return table.orderBy(Arrays.stream(table.columns()).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    }

    /** The rows of a table's CSV file, read as CSV (a quoted value may hold a line break). */
    private static long csvRows(Path out, String table) {
        return spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                .csv(out.resolve("csv/" + table + ".csv").toString()).count();
    }

    /** The sum of {@code numRecords} over the files a Delta commit adds (its statistics). */
    private static long recordsAdded(Path commit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long records = 0;
        for (String line : Files.readAllLines(commit)) {
            JsonNode add = json.readTree(line).path("add");
            if (!add.isMissingNode()) {
                records += json.readTree(add.get("stats").asText()).get("numRecords").asLong();
            }
        }
        return records;
    }

    private static Dataset<Row> delta(Path out, String table) {
        return spark.read().format("delta").load(out.resolve(table).toString());
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    private static Map<String, Long> versions(JsonNode manifest) {
        Map<String, Long> versions = new TreeMap<>();
        manifest.get(DeltaTables.MANIFEST_VERSIONS).fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
        return versions;
    }

}
