package nl.newsthemes.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.SparkTestBase;
import nl.newsthemes.ThemesJob;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job over a generated corpus of bad and unusual input: it finishes, and every file and record is in documents or
 * in rejects with the right reason, and the counts reconcile. It runs in the tests' JVM: the corpus's largest file is
 * set aside by its listed size before anything reads it, and a file larger than a Java array could not be read into
 * any heap, so a JVM of its own with a small heap (a second cold start, about a minute) would test nothing more. The
 * job's memory is bounded by the 10x corpus in {@code -Xmx2g} (jobs/bench-scale.sh).
 */
class BadInputTest extends SparkTestBase {

    /** At most five minutes, as when the job ran in a JVM of its own: a read that hangs on a file fails the test. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyFileAndRecordIsAccountedFor(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Map<String, String> expected = BadInputCorpus.write(input, 20221125L);
        Path config = dir.resolve("job.json");
        // The corpus is mostly bad on purpose, more than the quality gate's default allows (QualityGateTest tests that).
        Files.writeString(config, "{\"max_file_bytes\": " + BadInputCorpus.MAX_FILE_BYTES
                + ", \"topics\": 2, \"max_rejected_share\": 1, " + OneClustering.SETTING + "}");
        Path out = dir.resolve("out");
        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", input.toString(), "--output", out.toString(),
                "--config", config.toString()}));

        Map<String, String> outcome = new HashMap<>();
        Dataset<Row> documents = spark.read().parquet(out.resolve("documents").toString());
        Dataset<Row> rejects = spark.read().parquet(out.resolve("rejects").toString());
        for (Row r : documents.select(PATH).collectAsList()) {
            outcome.merge(name(r.getString(0)), BadInputCorpus.LOADED, (a, b) -> a + "+" + b);
        }
        for (Row r : rejects.filter(col(RECORD).isNull().or(col(PATH).endsWith(".txt"))).select(PATH, REASON).collectAsList()) {
            outcome.merge(name(r.getString(0)), r.getString(1), (a, b) -> a + "+" + b);
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (e.getKey().equals("records.jsonl")) {
                continue;
            }
            String got = outcome.get(e.getKey());
            assertTrue(got != null && got.startsWith(e.getValue()), e.getKey() + ": expected " + e.getValue() + ", got " + got);
        }

        // Record by record: loaded, or rejected with the reason.
        assertEquals(List.of("j1", "j2", "j3", "j8"), documents.filter(col(PATH).endsWith("records.jsonl"))
                .select(DOC_ID).orderBy(DOC_ID).collectAsList().stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of(
                        List.of("j4", "invalid date '20220501': expected YYYY-MM or YYYY-MM-DD"),
                        List.of("j5", "missing date"),
                        List.of("j6", "empty text: no title and no text"),
                        List.of("not json at all", "malformed record: not a JSON object"),
                        List.of("{\"id\": \"j7\", \"date\": \"2022-05-0", "malformed record: not a JSON object")),
                values(rejects.filter(col(PATH).endsWith("records.jsonl")).select(RECORD, REASON).orderBy(RECORD)));

        // A record's url as given, or null when absent or blank; in the CSV a formula-like one is quoted for spreadsheets.
        assertEquals(List.of(List.of("j1", "https://nos.nl/artikel/1"), Arrays.asList("j2", null),
                        List.of("j3", "=HYPERLINK(\"http://evil\")"), Arrays.asList("j8", null)),
                values(documents.filter(col(PATH).endsWith("records.jsonl")).select(DOC_ID, URL).orderBy(DOC_ID)));
        List<String> csvRows = Files.readAllLines(out.resolve("csv/documents.csv"));
        assertEquals("doc_id,month,date,source,language,title,url,path,tokens,boilerplate_sentences,duplicate_of", csvRows.get(0));
        assertEquals(List.of("j1,2022-05,2022-05-01,,nl,Sancties,https://nos.nl/artikel/1,",
                        "j2,2022-05,2022-05,,nl,Alleen een kop over de NAVO,,",
                        "j3,2022-05,2022-05-02,,nl,\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\",\"'=HYPERLINK(\"\"http://evil\"\")\",",
                        "j8,2022-05,2022-05-04,,nl,'-5 graden,,"),
                csvRows.stream().filter(line -> line.matches("j[0-9],.*"))
                        .map(line -> line.substring(0, line.indexOf(",file:") + 1)).sorted().toList());

        // The counts reconcile: every listed file once, records = loaded + rejected, in the tables and the manifest.
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        Dataset<Row> files = spark.read().parquet(out.resolve("input_files").toString());
        assertEquals(expected.size(), files.count());
        assertEquals(expected.size(), manifest.at("/counts/files").asInt());
        long records = files.agg(org.apache.spark.sql.functions.sum(RECORDS)).first().getLong(0);
        assertEquals(records, documents.count() + rejects.count());
        assertEquals(documents.count(), manifest.at("/counts/loaded").asLong());
        assertEquals(rejects.count(), manifest.at("/counts/rejected").asLong());
        assertEquals(records, manifest.at("/counts/records").asLong());
        // Per kind of reason (ingest.RejectReason), whatever each reason found: two duplicates or two bad dates of
        // different values count under one kind.
        Map<String, Long> byKind = new java.util.TreeMap<>();
        manifest.at("/counts/rejected_by_reason").fields().forEachRemaining(e -> byKind.put(e.getKey(), e.getValue().asLong()));
        assertEquals(new java.util.TreeMap<>(Map.ofEntries(Map.entry("binary data", 2L), Map.entry("duplicate doc_id", 1L),
                Map.entry("empty file", 1L), Map.entry("empty text", 2L), Map.entry("invalid date", 1L),
                Map.entry("invalid date header", 2L), Map.entry("malformed record", 2L), Map.entry("missing date", 1L),
                Map.entry("no date header", 2L), Map.entry("not UTF-8 text", 1L), Map.entry("too large", 2L),
                Map.entry("unreadable", 2L), Map.entry("unsupported file type", 1L))), byKind);
        // 11 text files and 4 JSON records loaded (the duplicate's twin once).
        assertEquals(8 + 4, documents.count());
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
