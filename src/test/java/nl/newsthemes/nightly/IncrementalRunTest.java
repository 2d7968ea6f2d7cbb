package nl.newsthemes.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.SparkTestBase;
import nl.newsthemes.ThemesJob;
import nl.newsthemes.config.CliArgs;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.output.OutputFolder;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A night that adds, changes and removes input files, run incrementally, gives the same documents, theme tables,
 * rejects and file accounting as a full run over the same input; only the touched months' files are rewritten.
 * Articles are real ones from nl-news-2022 (June to September 2022), spread over files by month. The nights name
 * their input, output and config as {@code file:} URIs, the full run as plain paths: the outputs are the same.
 */
class IncrementalRunTest extends SparkTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tables whose rows do not depend on the corpus-wide model: these must equal a full run's. */
    private static final List<String> EQUAL_TO_FULL = List.of("documents", "doc_themes", "theme_monthly",
            "theme_source_monthly", "rejects", "input_files");

    @TempDir
    Path dir;

    @Test
    void anIncrementalNightEqualsAFullRun() throws IOException {
        Assumptions.assumeTrue(sharedDir() != null, "../shared/corpora is absent: the incremental test reads nl-news-2022");
        Map<String, List<ObjectNode>> byMonth = articlesByMonth(sharedDir().resolve("corpora/nl-news-2022.jsonl.gz"), 70);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        // Night 1: f holds June, a July, b August, c and e September; c repeats an id of b (rejected as a duplicate).
        write(in.resolve("f.jsonl"), byMonth.get("2022-06").subList(0, 20));
        write(in.resolve("a.jsonl"), byMonth.get("2022-07").subList(0, 30));
        write(in.resolve("b.jsonl"), byMonth.get("2022-08").subList(0, 30));
        List<ObjectNode> c = new ArrayList<>(byMonth.get("2022-09").subList(0, 15));
        c.add(withId(byMonth.get("2022-09").get(15), byMonth.get("2022-08").get(3).get("id").asText()));
        write(in.resolve("c.jsonl"), c);
        write(in.resolve("e.jsonl"), byMonth.get("2022-09").subList(20, 40));
        assertEquals(ExitCode.DONE, run(in, out, "2026-11-20"));
        JsonNode first = manifest(out);
        assertEquals("full", first.at("/run_mode/mode").asText());
        assertEquals("no published run with a watermark in file:" + out + " to add to", first.at("/run_mode/reason").asText());
        assertEquals(1, first.at("/counts/rejected").asInt());
        Map<String, Object> inodesBefore = inodes(out.resolve("doc_themes"));

        // Night 2: a gains an article, b is gone (so c's copy of its article now loads), and 0-new.jsonl arrives with
        // August and September articles, a copy of an article of e (its path sorts first, so it wins) and a bad line.
        List<ObjectNode> a = new ArrayList<>(byMonth.get("2022-07").subList(0, 31));
        write(in.resolve("a.jsonl"), a);
        Files.setLastModifiedTime(in.resolve("a.jsonl"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        Files.delete(in.resolve("b.jsonl"));
        List<ObjectNode> fresh = new ArrayList<>(byMonth.get("2022-08").subList(40, 50));
        fresh.addAll(byMonth.get("2022-09").subList(50, 60));
        fresh.add(byMonth.get("2022-09").get(25));
        write(in.resolve("0-new.jsonl"), fresh);
        Files.writeString(in.resolve("0-new.jsonl"), "{\"id\": \"broken\", \"date\": \n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(ExitCode.DONE, run(in, out, "2026-11-21"));
        JsonNode second = manifest(out);
        assertEquals("incremental", second.at("/run_mode/mode").asText());
        assertEquals(List.of("file:" + in.resolve("0-new.jsonl")), texts(second.at("/run_mode/input_since_previous_run/added")));
        assertEquals(List.of("file:" + in.resolve("a.jsonl")), texts(second.at("/run_mode/input_since_previous_run/changed")));
        assertEquals(List.of("file:" + in.resolve("b.jsonl")), texts(second.at("/run_mode/input_since_previous_run/removed")));
        assertEquals(List.of("file:" + in.resolve("c.jsonl")), texts(second.at("/run_mode/read_again")));
        assertEquals(List.of("2022-07", "2022-08", "2022-09"), texts(second.at("/run_mode/months_recomputed")));
        assertEquals(first.at("/run_id").asText(), second.at("/run_mode/corpus_model_policy/model_fitted_by_run").asText());
        // 20 + 31 + 16 (c, its copy now loaded) + 19 (e without the article 0-new took) + 21 = 107 articles;
        // rejected: e's copy of 0-new's article, and the bad line.
        assertEquals(107, second.at("/counts/loaded").asInt());
        assertEquals(2, second.at("/counts/rejected").asInt());

        Map<String, Object> inodesAfter = inodes(out.resolve("doc_themes"));
        assertEquals(inodesBefore.get("month=2022-06"), inodesAfter.get("month=2022-06"), "June was carried over, not rewritten");
        assertNotEquals(inodesBefore.get("month=2022-09"), inodesAfter.get("month=2022-09"), "September was rewritten");

        Path full = dir.resolve("full");
        assertEquals(ExitCode.DONE, runWithPlainPaths(in, full, "2026-11-21"));
        for (String table : EQUAL_TO_FULL) {
            assertEquals(Files.readString(full.resolve("csv/" + table + ".csv")), Files.readString(out.resolve("csv/" + table + ".csv")), table);
            assertEquals(values(spark.read().parquet(full.resolve(table).toString()).orderBy(firstColumns(table))),
                    values(spark.read().parquet(out.resolve(table).toString()).orderBy(firstColumns(table))), table);
        }

        // Night 3, a week after the model was fitted: the refit schedule makes it a full run. The incremental night 2
        // carried night 1's model date in its watermark. (Decided only: night 1 already ran a full run.)
        NightlyPlan third = plan(in, out, "2026-11-27");
        assertFalse(third.incremental());
        assertEquals("refit due: the model of run " + first.at("/run_id").asText() + " was fitted for 2026-11-20, "
                + "refit_days is 7", third.fullReason());
    }

    /**
     * The boilerplate is part of the corpus-wide model: a full run learns it, and a night that adds an article takes
     * the same sentences out of it. A line repeated as widely that states a theme (here the sanctions) stays, in every
     * article, and so does the same promotion under another source's article.
     */
    @Test
    void anIncrementalNightTakesOutTheBoilerplateOfTheLastFullRun() throws IOException {
        String promo = "Lees elke dag onze nieuwsbrief met het beste uit de regio.";
        String background = "De Europese Unie stelde eerder sancties tegen Rusland in.";
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path config = dir.resolve("job.json");
        Files.writeString(config, "{\"boilerplate_min_articles\": 3, \"boilerplate_min_share\": 0, " + OneClustering.SETTING + "}");
        List<ObjectNode> night1 = new ArrayList<>();
        String[] stories = {"De gemeenteraad van Utrecht besluit over nieuwe fietspaden in het centrum van de stad.",
                "Het Rijksmuseum opent een tentoonstelling over schilders uit de Gouden Eeuw en hun werkplaatsen.",
                "Boeren in Friesland klagen over de droogte die hun oogst van aardappelen en uien bedreigt.",
                "De Nederlandse voetballers winnen hun oefenwedstrijd tegen Belgie na een doelpunt in de laatste minuut."};
        for (int i = 0; i < stories.length; i++) {
            night1.add(article("k" + i, "2022-07-0" + (i + 1), "krant", stories[i] + " " + background + " " + promo));
        }
        night1.add(article("o1", "2022-07-05", "omroep", "Het kabinet bespreekt de begroting. " + promo));
        write(in.resolve("a.jsonl"), night1);
        String[] incremental = {"--input", in.toString(), "--output", out.toString(), "--incremental", "--run-date",
                "2026-11-20", "--config", config.toString()};
        assertEquals(ExitCode.DONE, ThemesJob.run(incremental));
        JsonNode first = manifest(out);
        assertEquals(List.of("krant", promo, 4, "krant", background, 4), List.of(
                first.at("/boilerplate/most_frequent/0/source").asText(), first.at("/boilerplate/most_frequent/0/sentence").asText(),
                first.at("/boilerplate/most_frequent/0/articles").asInt(), first.at("/boilerplate/kept_for_themes/0/source").asText(),
                first.at("/boilerplate/kept_for_themes/0/sentence").asText(), first.at("/boilerplate/kept_for_themes/0/articles").asInt()));

        write(in.resolve("b.jsonl"), List.of(article("k9", "2022-08-01", "krant",
                "Het weer in Amsterdam blijft deze week zonnig. " + promo + " " + background)));
        incremental[6] = "2026-11-21";
        assertEquals(ExitCode.DONE, ThemesJob.run(incremental));
        JsonNode second = manifest(out);
        assertEquals("incremental", second.at("/run_mode/mode").asText());
        assertEquals(1, second.at("/boilerplate/sentences").asInt());
        assertEquals(5, second.at("/boilerplate/removed_sentences").asInt());
        // Content words: k9 has amsterdam, zonnig and europese, unie, sancties, rusland, without the promotion's
        // nieuwsbrief and regio; k0 has six of its story and the same four; o1 keeps its promotion's two beside
        // kabinet, bespreekt, begroting, since the line is not the omroep's boilerplate.
        assertEquals(List.of(List.of("k0", 10, 1), List.of("k9", 6, 1), List.of("o1", 5, 0)), values(spark.read()
                .parquet(out.resolve("documents").toString()).filter("doc_id in ('k0', 'k9', 'o1')")
                .select("doc_id", "tokens", "boilerplate_sentences").orderBy("doc_id")));
        assertEquals(List.of(List.of("k9", true, List.of("Het weer in Amsterdam blijft deze week zonnig. De Europese Unie "
                        + "stelde eerder sancties tegen Rusland in."))),
                values(spark.read().parquet(out.resolve("doc_themes").toString())
                        .filter("theme = 'sanctions' and doc_id = 'k9'").select("doc_id", "matched", "evidence")));
    }

    private static ObjectNode article(String id, String date, String source, String text) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("date", date).put("title", "").put("text", text).put("source", source);
        return a;
    }

    /** What a night with {@code runDate} would do with the published run in {@code out}, decided as the job does. */
    private static NightlyPlan plan(Path in, Path out, String runDate) {
        JobConfig config = CliArgs.parse(List.of(args(in, out, runDate))).config();
        Configuration conf = new Configuration();
        OutputFolder folder = OutputFolder.prepare(config.output(), config.input(), "plan-" + runDate, conf);
        try {
            return NightlyPlan.decide(config, Watermark.fingerprint(config, ThemeSet.load(config.themes())), folder,
                    InputListing.list(config.input(), conf));
        } finally {
            folder.discard();
            folder.release();
        }
    }

    /**
     * The nights name every path as a {@code file:} URI, as a cluster names {@code hdfs://} or {@code s3a://} ones;
     * the full run they are compared with names plain paths ({@link #runWithPlainPaths}).
     */
    private static ExitCode run(Path in, Path out, String runDate) {
        return ThemesJob.run(args(in, out, runDate));
    }

    private static String[] args(Path in, Path out, String runDate) {
        return new String[]{"--input", in.toUri().toString(), "--output", out.toUri().toString(),
                "--incremental", "--run-date", runDate, "--topics", "4",
                "--config", Path.of(OneClustering.config()).toUri().toString()};
    }

    private static ExitCode runWithPlainPaths(Path in, Path out, String runDate) {
        return ThemesJob.run(new String[]{"--input", in.toString(), "--output", out.toString(), "--incremental",
                "--run-date", runDate, "--topics", "4", "--config", OneClustering.config()});
    }

    private static org.apache.spark.sql.Column[] firstColumns(String table) {
        return switch (table) {
            case "documents" -> new org.apache.spark.sql.Column[]{org.apache.spark.sql.functions.col("doc_id")};
            case "doc_themes" -> new org.apache.spark.sql.Column[]{org.apache.spark.sql.functions.col("doc_id"),
                    org.apache.spark.sql.functions.col("theme")};
            case "theme_monthly" -> new org.apache.spark.sql.Column[]{org.apache.spark.sql.functions.col("month"),
                    org.apache.spark.sql.functions.col("theme")};
            case "theme_source_monthly" -> new org.apache.spark.sql.Column[]{org.apache.spark.sql.functions.col("month"),
                    org.apache.spark.sql.functions.col("source"), org.apache.spark.sql.functions.col("theme")};
            case "rejects" -> new org.apache.spark.sql.Column[]{org.apache.spark.sql.functions.col("path"),
                    org.apache.spark.sql.functions.col("record")};
            default -> new org.apache.spark.sql.Column[]{org.apache.spark.sql.functions.col("path")};
        };
    }

    /** The first {@code perMonth} articles of each month of the corpus, in corpus order. */
    static Map<String, List<ObjectNode>> articlesByMonth(Path corpus, int perMonth) throws IOException {
        Map<String, List<ObjectNode>> byMonth = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ObjectNode article = (ObjectNode) JSON.readTree(line);
                List<ObjectNode> month = byMonth.computeIfAbsent(article.get("date").asText().substring(0, 7), m -> new ArrayList<>());
                if (month.size() < perMonth) {
                    month.add(article);
                }
            }
        }
        return byMonth;
    }

    private static ObjectNode withId(ObjectNode article, String id) {
        ObjectNode copy = article.deepCopy();
        copy.put("id", id);
        return copy;
    }

    static void write(Path file, List<ObjectNode> articles) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ObjectNode a : articles) {
            text.append(JSON.writeValueAsString(a)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static JsonNode manifest(Path out) throws IOException {
        return JSON.readTree(out.resolve("manifest.json").toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The inode numbers of the Parquet files of each month folder of a table. */
    private static Map<String, Object> inodes(Path table) throws IOException {
        Map<String, Object> byMonth = new TreeMap<>();
        try (Stream<Path> months = Files.list(table)) {
            for (Path month : months.filter(Files::isDirectory).toList()) {
                TreeSet<Object> numbers = new TreeSet<>();
                try (Stream<Path> files = Files.list(month)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                        numbers.add((Long) Files.getAttribute(f, "unix:ino"));
                    }
                }
                byMonth.put(month.getFileName().toString(), numbers);
            }
        }
        return byMonth;
    }
}
