package nl.newsthemes.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.OutputFiles;
import nl.newsthemes.SampleRun;
import nl.newsthemes.ThemesJob;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State the job wrote before and cannot read now (a disk that filled while it was written, a damaged file): an
 * incremental run over it becomes a full run whose manifest says why, and {@code --model reuse} over a damaged model
 * exits 2 naming the file, leaving the published output as it was.
 */
class CorruptStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void noSessionLeft() {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    @Test
    void unreadableStateMakesAFullRunAndAReuseOfADamagedModelExits2() throws Exception {
        Path published = SampleRun.oneClustering();
        Path out = SampleRun.copyTo(published, dir.resolve("out"));
        // The shared run's day: its full runs give the shared run's tables (the topic registry carries the day).
        String[] incremental = {"--input", "data/sample", "--output", out.toString(), "--incremental",
                "--run-date", SampleRun.RUN_DATE, "--config", OneClustering.config()};

        // A watermark cut short, as a full disk leaves it.
        Path watermark = out.resolve("_state/watermark.json");
        Files.writeString(watermark, Files.readString(watermark).substring(0, 40));
        assertEquals(ExitCode.DONE, ThemesJob.run(incremental));
        assertFullRunBecause(out, "the watermark file:" + watermark + " cannot be read (",
                "): a full run writes a new one");
        assertEquals(csvs(published), csvs(out), "the full run's tables are a full run's");
        JSON.readTree(watermark.toFile()); // and the watermark is whole again

        // A saved topic model whose Parquet data is damaged.
        Path lda = out.resolve("_state/model/lda");
        try (Stream<Path> data = Files.list(lda.resolve("data"))) {
            for (Path part : data.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                Files.write(part, "PAR1 not parquet".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(ExitCode.DONE, ThemesJob.run(incremental));
        assertFullRunBecause(out, "the saved topic model file:" + lda + " cannot be read (",
                "): a full run fits and saves a new one");
        // The refit cannot tell whether its topics are the lost ones: they get new ids, and the registry (in the
        // readable model.json) records the old ids as vanished. Every other table is the same.
        Map<String, String> expected = csvs(published);
        expected.put("topics.csv", newIds(expected.get("topics.csv"), 0));
        expected.put("doc_topics.csv", newIds(expected.get("doc_topics.csv"), 2));
        expected.put("topic_monthly.csv", newIds(expected.get("topic_monthly.csv"), 1));
        String registry = expected.get("topic_registry.csv");
        expected.put("topic_registry.csv", registry.replace(",active,", ",vanished,")
                + newIds(registry, 0).lines().skip(1).map(l -> l + "\n").collect(java.util.stream.Collectors.joining()));
        assertEquals(expected, csvs(out));

        // --model reuse over a model.json cut short: exit 2, the file named, nothing published, nothing left behind.
        Path modelJson = out.resolve("_state/model/model.json");
        Files.writeString(modelJson, Files.readString(modelJson).substring(0, 100));
        Map<String, String> before = OutputFiles.everyFile(out);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        ExitCode reuse;
        try {
            reuse = ThemesJob.run(new String[]{"--input", "data/sample", "--output", out.toString(), "--model", "reuse",
                    "--run-date", SampleRun.RUN_DATE, "--config", OneClustering.config()});
        } finally {
            System.setErr(stderr);
        }
        assertEquals(ExitCode.BAD_CONFIG, reuse);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("news-themes: --model reuse needs a saved model, and file:" + modelJson
                + " cannot be read ("), message);
        assertTrue(message.endsWith("): run with --model refit to fit and save a new one" + System.lineSeparator()), message);
        assertEquals(before, OutputFiles.everyFile(out), "the published output is byte-identical");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("out"), siblings.map(p -> p.getFileName().toString()).toList(), "no staging folder, no lock");
        }
    }

    private static void assertFullRunBecause(Path out, String start, String end) throws IOException {
        JsonNode mode = JSON.readTree(out.resolve("manifest.json").toFile()).get("run_mode");
        assertEquals("full", mode.get("mode").asText());
        String reason = mode.get("reason").asText();
        assertTrue(reason.startsWith(start) && reason.endsWith(end), reason);
    }

    /** The sample's two topics (ids 0 and 1) under the next free ids, 2 and 3, in the given column of a CSV. */
    private static String newIds(String csv, int column) {
        StringBuilder shifted = new StringBuilder();
        csv.lines().forEach(line -> {
            String[] cells = line.split(",", column + 2);
            if (cells[column].matches("[01]")) {
                cells[column] = String.valueOf(Integer.parseInt(cells[column]) + 2);
            }
            shifted.append(String.join(",", cells)).append('\n');
        });
        return shifted.toString();
    }

    private static Map<String, String> csvs(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> csv = Files.list(out.resolve("csv"))) {
            for (Path p : csv.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }
}
