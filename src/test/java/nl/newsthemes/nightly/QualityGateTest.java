package nl.newsthemes.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.SampleRun;
import nl.newsthemes.SparkTestBase;
import nl.newsthemes.ThemesJob;
import nl.newsthemes.ingest.InputFile;
import nl.newsthemes.ingest.InputFormat;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.topics.TopicRegistry;
import nl.newsthemes.topics.TopicTables;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate before publishing: what it checks, what a failure does (exit 3, nothing published). */
class QualityGateTest extends SparkTestBase {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void mostlyRejectedInputPublishesNothingAndExitsThree() throws IOException {
        java.nio.file.Path out = SampleRun.copyTo(SampleRun.oneClustering(), dir.resolve("out"));
        String published = Files.readString(out.resolve("manifest.json"));

        java.nio.file.Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(java.nio.file.Path.of("data/sample/000_101bc282a3211fda.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("empty.txt"), "");
        Files.writeString(in.resolve("no-header.txt"), "Poetin dreigt met tegenmaatregelen.\n");
        assertEquals(ExitCode.QUALITY_GATE, ThemesJob.run(new String[]{"--input", in.toString(), "--output", out.toString(),
                "--run-date", SampleRun.RUN_DATE, "--config", OneClustering.config()}));
        assertEquals(published, Files.readString(out.resolve("manifest.json")), "the published run is untouched");
        try (Stream<java.nio.file.Path> left = Files.list(dir)) {
            assertEquals(List.of("in", "out"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind");
        }

        java.nio.file.Path config = dir.resolve("lenient.json");
        Files.writeString(config, "{\"max_rejected_share\": 0.7, " + OneClustering.SETTING + "}");
        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", in.toString(), "--output", out.toString(),
                "--run-date", SampleRun.RUN_DATE, "--config", config.toString()}));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertTrue(manifest.at("/quality_gate/passed").asBoolean());
        JsonNode rejectedShare = null;
        for (JsonNode check : manifest.at("/quality_gate/checks")) {
            if (check.get("name").asText().equals("rejected_share")) {
                rejectedShare = check;
            }
        }
        assertNotNull(rejectedShare, manifest.at("/quality_gate/checks").toString());
        assertTrue(rejectedShare.get("passed").asBoolean());
        assertEquals("2 of 3 files and records rejected (66.7%); allowed: 70.0% (max_rejected_share)",
                rejectedShare.get("detail").asText());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    @Test
    void duplicateKeysNullsAndMissingThemeRowsFailTheirChecks() {
        Path staged = new Path(dir.resolve("staged").toUri());
        StructType documents = new StructType().add(DOC_ID, DataTypes.StringType).add(MONTH, DataTypes.StringType)
                .add(DATE, DataTypes.StringType).add(PATH, DataTypes.StringType);
        write(staged, "documents", spark.createDataFrame(List.of(
                RowFactory.create("d1", "2022-01", "2022-01-02", "file:/in/a.jsonl"),
                RowFactory.create("d1", "2022-01", null, "file:/in/a.jsonl")), documents));
        write(staged, "rejects", spark.createDataFrame(List.of(), new StructType()
                .add(PATH, DataTypes.StringType).add(RECORD, DataTypes.StringType).add(REASON, DataTypes.StringType)));
        write(staged, "input_files", spark.createDataFrame(List.<org.apache.spark.sql.Row>of(
                RowFactory.create("file:/in/a.jsonl", 2L, 2L, 0L)), new StructType().add(PATH, DataTypes.StringType)
                .add(RECORDS, DataTypes.LongType).add(LOADED, DataTypes.LongType).add(REJECTED, DataTypes.LongType)));
        StructType docThemes = new StructType().add(DOC_ID, DataTypes.StringType).add(MONTH, DataTypes.StringType)
                .add(THEME, DataTypes.StringType).add(SCORE, DataTypes.DoubleType).add(MATCHED, DataTypes.BooleanType);
        write(staged, "doc_themes", spark.createDataFrame(List.of(
                RowFactory.create("d1", "2022-01", "sanctions", 2.0, true),
                RowFactory.create("d1", "2022-01", "nato_expansion", 0.0, false)), docThemes));
        StructType monthly = new StructType().add(MONTH, DataTypes.StringType).add(THEME, DataTypes.StringType)
                .add(ARTICLES, DataTypes.LongType).add(SHARE, DataTypes.DoubleType);
        write(staged, "theme_monthly", spark.createDataFrame(List.of(
                RowFactory.create("2022-01", "sanctions", 2L, 1.0)), monthly));
        write(staged, "doc_topics", TopicTables.empty(spark, TopicTables.DOC_TOPICS));
        write(staged, "topics", TopicTables.noTopics(spark));
        // Topic 0 twice in the registry: two topics under one id.
        TopicRegistry.Entry topic0 = new TopicRegistry.Entry(0, "a / b / c", "active", "2022-02-01", "2022-02-01", null);
        write(staged, "topic_registry", new TopicRegistry(List.of(topic0, topic0)).table(spark));
        InputListing listing = new InputListing(List.of(new InputFile("file:/in/a.jsonl", 10, 1, InputFormat.JSON_LINES)), List.of());

        QualityGate gate = QualityGate.check(spark, staged, listing, List.of("sanctions", "nato_expansion"), 0.5);
        assertFalse(gate.passed());
        assertEquals(List.of("unique_keys", "required_columns_filled", "every_month_every_theme"),
                gate.failed().stream().map(QualityGate.Check::name).toList());
        assertEquals("duplicate keys: documents: 1 keys (doc_id) more than once; topic_registry: 1 keys (topic) more than once",
                gate.failed().get(0).detail());
        assertEquals("documents.date: 1 nulls", gate.failed().get(1).detail());
        assertEquals("1 months with articles x 2 themes = 2 theme_monthly rows expected, 1 found; doc_themes 2 rows for 2 documents",
                gate.failed().get(2).detail());
    }

    private static void write(Path folder, String table, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
        rows.write().parquet(new Path(folder, table).toString());
    }
}
