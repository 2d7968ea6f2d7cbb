package nl.newsthemes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.newsthemes.output.TableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job end to end on the five sample articles in data/sample, through {@link ThemesJob#run}. */
class SampleJobTest extends SparkTestBase {
    static final String SAMPLE = "data/sample";
    static final List<String> TABLES = List.of("theme_monthly", "theme_source_monthly", "doc_themes", "topics", "topic_monthly", "doc_topics",
            "terms_monthly", "documents", "rejects", "input_files", "topic_registry", "topic_sweep");

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void runJob() {
        out = SampleRun.defaults();
    }

    private static JsonNode manifestOf(Path output) throws IOException {
        return new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    }

    private static Dataset<Row> table(String name) {
        return spark.read().parquet(out.resolve(name).toString());
    }

    @Test
    void themeMonthlyMatchesTheIssueTable() {
        assertEquals(List.of(
                        List.of("2021-12", "sanctions", 2L, 2L, 1.0),
                        List.of("2021-12", "nato_expansion", 2L, 2L, 1.0),
                        List.of("2021-12", "minsk_accords", 2L, 0L, 0.0),
                        List.of("2022-01", "sanctions", 3L, 3L, 1.0),
                        List.of("2022-01", "nato_expansion", 3L, 1L, 0.333333),
                        List.of("2022-01", "minsk_accords", 3L, 1L, 0.333333)),
                values(table("theme_monthly").filter(col(THEME).isin("sanctions", "nato_expansion", "minsk_accords"))
                        .orderBy(col(MONTH), org.apache.spark.sql.functions.array_position(
                                org.apache.spark.sql.functions.array(
                                        org.apache.spark.sql.functions.lit("sanctions"),
                                        org.apache.spark.sql.functions.lit("nato_expansion"),
                                        org.apache.spark.sql.functions.lit("minsk_accords")), col(THEME)))
                        .select(MONTH, THEME, ARTICLES, THEME_ARTICLES, SHARE)));
    }

    @Test
    void perArticleThemes() {
        // 000 and 003/004 speak of NATO enlargement; 001 only of talks with NATO, 002 of a NATO partner and the
        // NATO-Russia Council. Only 002 is about the Minsk agreements. All five mention sanctions.
        Map<String, String> byFile = new TreeMap<>();
        for (Row r : table("doc_themes").join(table("documents").select(DOC_ID, PATH), DOC_ID).filter(col(MATCHED))
                .filter(col(THEME).isin("sanctions", "nato_expansion", "minsk_accords"))
                .orderBy(PATH, THEME).collectAsList()) {
            String file = Path.of(r.<String>getAs(PATH)).getFileName().toString().substring(0, 3);
            byFile.merge(file, r.getAs(THEME), (a, b) -> a + "," + b);
        }
        assertEquals(Map.of(
                "000", "nato_expansion,sanctions",
                "001", "sanctions",
                "002", "minsk_accords,sanctions",
                "003", "nato_expansion,sanctions",
                "004", "nato_expansion,sanctions"), byFile);
        Row minsk = table("doc_themes").filter(col(THEME).equalTo("minsk_accords").and(col(MATCHED))).first();
        assertEquals(List.of("akkoorden van minsk", "akkoorden … minsk"), minsk.getList(minsk.fieldIndex(MATCHED_TERMS)));
        assertEquals(List.of("…te de-escaleren en voor de actieve diplomatie om de implementatie van de akkoorden van "
                        + "Minsk te versnellen”, aldus de verklaring van het Witte Huis. Volgens die akkoorden,…"),
                minsk.getList(minsk.fieldIndex(EVIDENCE)));
    }

    @Test
    void documentsAndAccounting() throws IOException {
        List<List<Object>> docs = values(table("documents").orderBy(PATH).select(DOC_ID, MONTH, DATE, LANGUAGE, TITLE,
                BOILERPLATE_SENTENCES, DUPLICATE_OF));
        // Five different stories in Dutch: none is a near-copy of another, and five articles have no boilerplate (it
        // takes twenty articles of a source to repeat a sentence).
        assertEquals(List.of(
                Arrays.asList("578ef146903e563a", "2022-01", "2022-01", "nl", null, 0, null),
                Arrays.asList("44c21f19dce00bbe", "2022-01", "2022-01", "nl", null, 0, null),
                Arrays.asList("af53009ea800db80", "2022-01", "2022-01", "nl", null, 0, null),
                Arrays.asList("d0f59cb76fdf910e", "2021-12", "2021-12", "nl", null, 0, null),
                Arrays.asList("cd84d37e1e4e22a8", "2021-12", "2021-12", "nl", null, 0, null)), docs);
        assertEquals(0, table("theme_monthly").filter(col(STORIES).notEqual(col(ARTICLES))
                .or(col(THEME_STORIES).notEqual(col(THEME_ARTICLES)))).count());
        assertEquals(0, table("rejects").count());
        assertEquals(List.of(List.of(5L, 5L, 0L)), values(table("input_files").agg(
                org.apache.spark.sql.functions.sum(RECORDS), org.apache.spark.sql.functions.sum(LOADED),
                org.apache.spark.sql.functions.sum(REJECTED))));

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("succeeded", manifest.get("status").asText());
        assertEquals(5, manifest.at("/counts/files").asInt());
        assertEquals(5, manifest.at("/counts/loaded").asInt());
        assertEquals(0, manifest.at("/counts/rejected").asInt());
        assertEquals(2, manifest.at("/counts/articles_by_month/2021-12").asInt());
        assertEquals(3, manifest.at("/counts/articles_by_month/2022-01").asInt());
        assertEquals(20, manifest.at("/boilerplate/min_articles").asInt());
        assertEquals(0, manifest.at("/boilerplate/sentences").asInt());
        assertEquals(0, manifest.at("/boilerplate/removed_sentences").asInt());
        assertEquals(0, manifest.at("/boilerplate/most_frequent").size());
        // Five Dutch articles, read in the first of the two languages read by default.
        assertEquals("[\"nl\",\"en\"]", manifest.at("/languages/read_in").toString());
        assertEquals("{\"nl\":5}", manifest.at("/languages/articles").toString());
        assertEquals(10, manifest.at("/topics/requested").asInt());
        assertEquals(2, manifest.at("/topics/used").asInt());
        assertEquals("reduced from 10: 5 documents support 2 topics (at least 5 documents a topic)",
                manifest.at("/topics/reason").asText());
        assertEquals(1, manifest.at("/seed").asInt());
        assertEquals("4.2.0", manifest.at("/versions/spark").asText());
        // The eight default themes, in the order of their definitions.
        assertEquals("[\"sanctions\",\"nato_expansion\",\"minsk_accords\",\"energy_supply\",\"arms_deliveries\","
                + "\"peace_talks\",\"nuclear_threat\",\"refugees\"]", manifest.at("/themes/names").toString());
        // The report's theme table: every month and theme, as in theme_monthly; the share in percent with its 95%
        // (Wilson) interval, the change in points from the month before (none for the first month), the matched terms.
        String report = Files.readString(out.resolve("report.md"));
        int themes = report.indexOf("## Themes per month\n");
        assertTrue(themes >= 0, report);
        assertEquals("""
                ## Themes per month

                | month | theme | articles | with theme | share | 95% interval | change | top terms |
                |---|---|---:|---:|---:|---|---:|---|
                | 2021-12 | arms_deliveries | 2 | 0 | 0.0% | 0.0–65.8% |  |  |
                | 2021-12 | energy_supply | 2 | 0 | 0.0% | 0.0–65.8% |  |  |
                | 2021-12 | minsk_accords | 2 | 0 | 0.0% | 0.0–65.8% |  |  |
                | 2021-12 | nato_expansion | 2 | 2 | 100.0% | 34.2–100.0% |  | navo … uitbreidt, uitbreiding … navo |
                | 2021-12 | nuclear_threat | 2 | 1 | 50.0% | 9.5–90.5% |  | kernwapenverdragen |
                | 2021-12 | peace_talks | 2 | 2 | 100.0% | 34.2–100.0% |  | gesprek … poetin, rusland … onderhandelingen, vredesproces |
                | 2021-12 | refugees | 2 | 0 | 0.0% | 0.0–65.8% |  |  |
                | 2021-12 | sanctions | 2 | 2 | 100.0% | 34.2–100.0% |  | economische sancties, economische … sancties, sancties, vs … sancties, sancties … rusland |
                | 2022-01 | arms_deliveries | 3 | 0 | 0.0% | 0.0–56.1% | +0.0 |  |
                | 2022-01 | energy_supply | 3 | 0 | 0.0% | 0.0–56.1% | +0.0 |  |
                | 2022-01 | minsk_accords | 3 | 1 | 33.3% | 6.1–79.2% | +33.3 | akkoorden van minsk, akkoorden … minsk |
                | 2022-01 | nato_expansion | 3 | 1 | 33.3% | 6.1–79.2% | -66.7 | navo lidmaatschap, navo … lidmaatschap |
                | 2022-01 | nuclear_threat | 3 | 1 | 33.3% | 6.1–79.2% | -16.7 | kernwapens |
                | 2022-01 | peace_talks | 3 | 2 | 66.7% | 20.8–93.9% | -33.3 | besprekingen … rusland, rusland … besprekingen, zelensky … gesprek |
                | 2022-01 | refugees | 3 | 0 | 0.0% | 0.0–56.1% | +0.0 |  |
                | 2022-01 | sanctions | 3 | 3 | 100.0% | 43.9–100.0% | +0.0 | sancties, economische sancties, economische … sancties, russische … sancties, sancties … rusland |

                ## Topics
                """, report.substring(themes, report.indexOf("\n", report.indexOf("## Topics", themes)) + 1));
    }

    @Test
    void topicsHaveKRowsOfTermsAndDistributionsSumToOne() throws IOException {
        assertEquals(List.of(List.of(0, 10L), List.of(1, 10L)),
                values(table("topics").groupBy(TOPIC).count().orderBy(TOPIC)));
        for (Row r : table("doc_topics").collectAsList()) {
            List<Double> dist = r.getList(r.fieldIndex(TOPIC_DISTRIBUTION));
            assertEquals(1.0, dist.stream().mapToDouble(Double::doubleValue).sum(), 1e-5);
        }
        // Each month's mean of its articles' topic shares (they sum to 1), and in how many articles each topic is the
        // dominant one: December's two articles are both topic 0's, January's three one of topic 0's and two of 1's.
        assertEquals(List.of(
                        List.of("2021-12", 0, "joe / crisis / telefonisch", 0.995096, 2L),
                        List.of("2021-12", 1, "bewaren / maatregelen / beloofde", 0.004904, 0L),
                        List.of("2022-01", 0, "joe / crisis / telefonisch", 0.335219, 1L),
                        List.of("2022-01", 1, "bewaren / maatregelen / beloofde", 0.664781, 2L)),
                values(table("topic_monthly").select(MONTH, TOPIC, LABEL, MEAN_SHARE, DOMINANT_ARTICLES).orderBy(MONTH, TOPIC)));
        // Each topic's coherence and closest theme, on each of its rows and in the manifest.
        List<Row> firstRows = table("topics").filter(col(RANK).equalTo(1)).orderBy(TOPIC).collectAsList();
        JsonNode quality = manifestOf(out).at("/topics/quality");
        for (Row r : firstRows) {
            double npmi = r.getAs(NPMI);
            assertEquals(quality.at("/npmi_by_topic/" + r.<Integer>getAs(TOPIC)).asDouble(), npmi, 0.0, r.toString());
            assertTrue(npmi >= -1 && npmi <= 1, r.toString());
            assertEquals(1, table("topics").filter(col(TOPIC).equalTo(r.<Integer>getAs(TOPIC)))
                    .select(NPMI, CLOSEST_THEME, THEME_CORRELATION).distinct().count(), "one value per topic");
        }
        assertEquals((firstRows.get(0).<Double>getAs(NPMI) + firstRows.get(1).<Double>getAs(NPMI)) / 2,
                quality.get("mean_npmi").asDouble(), 1e-6);
        assertEquals(5, quality.get("perplexity_documents").asInt());
        // A first model: its topics are 0 and 1, first and last seen on the run's date (--run-date 2022-02-01, see
        // SampleRun), and nothing was swept.
        assertEquals("2022-02-01", manifestOf(out).get("run_date").asText());
        assertEquals(List.of(Arrays.asList(0, "active", "2022-02-01", "2022-02-01", null),
                        Arrays.asList(1, "active", "2022-02-01", "2022-02-01", null)),
                values(table("topic_registry").select(TOPIC, STATUS, FIRST_SEEN, LAST_SEEN, SIMILARITY).orderBy(TOPIC)));
        assertEquals(0, table("topic_sweep").count());
        // Labels are readable words, never stems: a topic's label, the same on each of its rows, is its three
        // first-ranked terms.
        assertEquals(List.of(List.of(0, "joe / crisis / telefonisch"), List.of(1, "bewaren / maatregelen / beloofde")),
                values(table("topics").select(TOPIC, LABEL).distinct().orderBy(TOPIC)));
        assertEquals(List.of(List.of(0, 1, "joe"), List.of(0, 2, "crisis"), List.of(0, 3, "telefonisch"),
                        List.of(1, 1, "bewaren"), List.of(1, 2, "maatregelen"), List.of(1, 3, "beloofde")),
                values(table("topics").filter(col(RANK).leq(3)).select(TOPIC, RANK, TERM).orderBy(TOPIC, RANK)));
    }

    @Test
    void csvAndParquetAgree() {
        for (String name : TABLES) {
            Dataset<Row> parquet = TableWriter.forCsv(table(name));
            String[] columns = parquet.columns();
            Dataset<Row> csv = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .csv(out.resolve("csv").resolve(name + ".csv").toString());
            // Parquet puts the partition column (month) last; the CSV keeps the table's order.
            assertEquals(Arrays.stream(columns).sorted().toList(), Arrays.stream(csv.columns()).sorted().toList(), name);
            csv = csv.select(Arrays.stream(columns).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
            Dataset<Row> parquetText = parquet.select(Arrays.stream(columns).map(c -> col(c).cast("string").as(c))
                    .toArray(org.apache.spark.sql.Column[]::new));
            String[] keys = Arrays.copyOf(columns, columns.length);
            assertEquals(values(parquetText.na().fill("").orderBy(keys[0], Arrays.copyOfRange(keys, 1, keys.length))),
                    values(csv.na().fill("").orderBy(keys[0], Arrays.copyOfRange(keys, 1, keys.length))), name);
        }
    }

    @Test
    void theSessionGetsItsOwnSettingsBack() {
        // The job ran in this class's session (as in a notebook's) and turned code generation off for its five
        // articles: the session has its own settings again, code generation on.
        assertEquals("2", spark.conf().get("spark.sql.shuffle.partitions"));
        assertFalse(spark.conf().contains("spark.sql.codegen.factoryMode"));
        assertFalse(spark.conf().contains("spark.sql.codegen.wholeStage"));
    }

    @Test
    void aSecondRunGivesTheSameCsvBytesAndParquetRows() throws IOException {
        Path again = dir.resolve("again");
        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", SAMPLE, "--output", again.toString(),
                "--run-date", SampleRun.RUN_DATE}));
        for (String name : TABLES) {
            assertEquals(Files.readString(out.resolve("csv").resolve(name + ".csv")),
                    Files.readString(again.resolve("csv").resolve(name + ".csv")), name);
            Dataset<Row> first = table(name);
            Dataset<Row> second = spark.read().parquet(again.resolve(name).toString());
            String[] columns = first.columns();
            assertEquals(values(first.orderBy(columns[0], Arrays.copyOfRange(columns, 1, columns.length))),
                    values(second.orderBy(columns[0], Arrays.copyOfRange(columns, 1, columns.length))), name);
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".staging-")));
    }

    @Test
    void badArgumentsAndThemesExitTwoAndTouchNothing() throws IOException {
        assertEquals(ExitCode.BAD_CONFIG, ThemesJob.run(new String[]{"--topics", "1", "--output", out.toString()}));
        Path themes = dir.resolve("bad-themes.json");
        Files.writeString(themes, "{\"themes\": [{\"name\": \"x\", \"terms\": []}]}");
        assertEquals(ExitCode.BAD_CONFIG, ThemesJob.run(new String[]{"--themes", themes.toString(), "--output", out.toString()}));
        assertEquals(ExitCode.BAD_CONFIG, ThemesJob.run(new String[]{"--input", dir.resolve("missing").toString(),
                "--output", out.toString()}));
        Path unrelated = Files.createDirectories(dir.resolve("unrelated"));
        Files.writeString(unrelated.resolve("thesis.docx"), "precious");
        assertEquals(ExitCode.BAD_CONFIG, ThemesJob.run(new String[]{"--input", SAMPLE, "--output", unrelated.toString()}));
        assertEquals("precious", Files.readString(unrelated.resolve("thesis.docx")));
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }
}
