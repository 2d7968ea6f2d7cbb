package nl.newsthemes.config;

import nl.newsthemes.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliArgsTest {
    private static String refused(String... args) {
        return assertThrows(ConfigException.class, () -> CliArgs.parse(List.of(args))).getMessage();
    }

    @Test
    void defaults() {
        JobConfig c = CliArgs.parse(List.of()).config();
        assertEquals(List.of("data/sample"), c.input());
        assertEquals("out", c.output());
        assertNull(c.themes());
        assertEquals(10, c.topics());
        assertEquals(1L, c.seed());
        assertEquals(20_000, c.vocabSize());
    }

    @Test
    void flags() {
        JobConfig c = CliArgs.parse(List.of("--input", "a", "b.jsonl", "--output", "/tmp/o", "--topics", "20",
                "--seed", "7", "--master", "local[2]", "--themes", "t.json")).config();
        assertEquals(List.of("a", "b.jsonl"), c.input());
        assertEquals("/tmp/o", c.output());
        assertEquals(20, c.topics());
        assertEquals(7L, c.seed());
        assertEquals("local[2]", c.master());
        assertEquals("t.json", c.themes());
    }

    @Test
    void helpWinsOverEverything() {
        assertTrue(CliArgs.parse(List.of("--topics", "3", "--help")).help());
    }

    @Test
    void flagsOverrideTheConfigFile(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("job.json");
        Files.writeString(config, "{\"topics\": 12, \"seed\": 3, \"vocab_size\": 5000, \"max_doc_freq\": 0.4}");
        JobConfig c = CliArgs.parse(List.of("--config", config.toString(), "--topics", "15")).config();
        assertEquals(15, c.topics());
        assertEquals(3L, c.seed());
        assertEquals(5000, c.vocabSize());
        assertEquals(0.4, c.maxDocFreq());
    }

    @Test
    void configAndThemesAreReadThroughHadoopFileSystems(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("job.json"), "{\"topics\": 12, \"seed\": 3}");
        Path themes = Files.writeString(dir.resolve("themes.json"),
                "{\"themes\": [{\"name\": \"gas\", \"terms\": [\"gas\"]}]}");
        // file: URIs, as a cluster passes hdfs:// or s3a:// ones
        JobConfig c = CliArgs.parse(List.of("--config", config.toUri().toString(), "--themes", themes.toUri().toString())).config();
        assertEquals(List.of(12, 3L), List.of(c.topics(), c.seed()));
        assertEquals(List.of("gas"), ThemeSet.load(c.themes()).names());
        assertEquals("--config " + dir.toUri() + ": no such file (it is a folder)", refused("--config", dir.toUri().toString()));
        assertTrue(refused("--config", "hdfs://").startsWith("--config hdfs://: cannot read it ("), refused("--config", "hdfs://"));
        assertEquals("--themes file:/no/such/themes.json: no such file",
                assertThrows(ConfigException.class, () -> ThemeSet.load("file:/no/such/themes.json")).getMessage());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("unknown argument '--topic'; run with --help for the list", refused("--topic", "5"));
        assertEquals("--topics must be a whole number, got 'ten'", refused("--topics", "ten"));
        assertEquals("--output needs a value", refused("--output"));
        assertEquals("--output needs a value, got the flag --seed", refused("--output", "--seed", "1"));
        assertEquals("--input needs at least one file or folder", refused("--input", "--output", "x"));
        assertEquals("topics (--topics) must be from 2 to 500, got 1", refused("--topics", "1"));
        assertEquals("--config nope.json: no such file", refused("--config", "nope.json"));
    }

    @Test
    void badConfigFilesNameTheKey(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("job.json");
        Files.writeString(config, "{\"vocab_sise\": 10}");
        assertTrue(refused("--config", config.toString()).startsWith(
                "config " + config + " with the arguments: unknown key 'vocab_sise' at 'vocab_sise'; known keys there: "));
        Files.writeString(config, "{\"topics\": \"12\"}");
        assertEquals("config " + config + " with the arguments: 'topics' has the wrong type; it must be a whole number",
                refused("--config", config.toString()));
        Files.writeString(config, "{\"min_doc_freq\": 2.5}");
        assertEquals("min_doc_freq of 1 or more is a count of documents and must be whole, got 2.5",
                refused("--config", config.toString()));
        Files.writeString(config, "{\"max_file_bytes\": -5}");
        assertEquals("max_file_bytes must be from 1 to 2147483647 (bytes), got -5", refused("--config", config.toString()));
        // Jackson never builds a type the input names: a type key is an unknown key like any other.
        Files.writeString(config, "{\"@class\": \"java.lang.ProcessBuilder\", \"topics\": 5}");
        assertTrue(refused("--config", config.toString()).contains("unknown key '@class'"));
        Files.writeString(config, "{\"input\": [\"a\", 5]}");
        assertEquals("config " + config + " with the arguments: 'input[1]' has the wrong value 5; it must be a string",
                refused("--config", config.toString()));
        Files.writeString(config, "{\"max_doc_freq\": 1.5}");
        assertEquals("max_doc_freq must be a share above 0 and at most 1, got 1.5", refused("--config", config.toString()));
        Files.writeString(config, "{\"lda_start\": \"kmean\"}");
        assertEquals("lda_start must be 'kmeans' (start from a k-means clustering of the articles) or 'random' "
                + "(MLlib's random start), got 'kmean'", refused("--config", config.toString()));
        Files.writeString(config, "{\"lda_start_clusterings\": 0}");
        assertEquals("lda_start_clusterings must be from 1 (a single k-means clustering) to 20, got 0",
                refused("--config", config.toString()));
        Files.writeString(config, "{\"boilerplate_min_articles\": 1}");
        assertEquals("boilerplate_min_articles must be 0 (keep every sentence) or from 2 to 1000000000 articles, got 1",
                refused("--config", config.toString()));
        Files.writeString(config, "{\"boilerplate_min_share\": -0.1}");
        assertEquals("boilerplate_min_share must be a share of a source's articles from 0 to 1, got -0.1",
                refused("--config", config.toString()));
        Map<String, String> languages = Map.of(
                "[]", "languages is empty: list the languages to read, from nl, en (the first also reads articles in "
                        + "other languages)",
                "[\"fr\"]", "languages: 'fr' is not a language the job can read; use the lower-case codes nl, en",
                "[\"NL\"]", "languages: 'NL' is not a language the job can read; use the lower-case codes nl, en",
                "[\"nl\", null]", "languages: 'null' is not a language the job can read; use the lower-case codes nl, en",
                "[\"nl\", \"en\", \"nl\"]", "languages lists a language twice: [nl, en, nl]; list each once");
        for (Map.Entry<String, String> bad : languages.entrySet()) {
            Files.writeString(config, "{\"languages\": " + bad.getKey() + "}");
            assertEquals(bad.getValue(), refused("--config", config.toString()), bad.getKey());
        }
        Files.writeString(config, "{\"languages\": [\"en\"]}");
        assertEquals(List.of(Language.ENGLISH), CliArgs.parse(List.of("--config", config.toString())).config().languagesRead());
        assertEquals(List.of(Language.DUTCH, Language.ENGLISH), CliArgs.parse(List.of()).config().languagesRead());
    }

    @Test
    void tableFormats() {
        assertEquals("table_format (--table-format) must be one of [parquet, delta], got 'orc'",
                refused("--table-format", "orc"));
        assertEquals(TableFormat.DELTA, CliArgs.parse(List.of("--table-format", "delta")).config().tables());
        assertEquals(TableFormat.PARQUET, CliArgs.parse(List.of()).config().tables());
    }

    /** --help lists every exit code the job has, each once, in order. */
    @Test
    void usageNamesEveryExitCode() {
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b([0-9]) [a-z]")
                .matcher(CliArgs.USAGE.substring(CliArgs.USAGE.indexOf("Exit codes:")));
        List<Integer> named = new java.util.ArrayList<>();
        while (code.find()) {
            named.add(Integer.parseInt(code.group(1)));
        }
        assertEquals(java.util.Arrays.stream(nl.newsthemes.ExitCode.values()).map(c -> c.code).toList(), named);
    }
}
