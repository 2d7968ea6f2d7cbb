package nl.newsthemes;

import nl.newsthemes.config.CliArgs;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.themes.ThemeEvaluation;
import nl.newsthemes.themes.ThemeMatchers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluation command on the sample, and the bundled themes against the hand labels in data/labels. */
class EvaluateThemesTest extends SparkTestBase {
    private static final ThemeSet THEMES = ThemeSet.load(null);

    private static ThemeEvaluation evaluate(Path labels, String... input) {
        JobConfig config = CliArgs.parse(List.of(input)).config();
        return EvaluateThemes.evaluate(spark, config, THEMES,
                ThemeMatchers.compile(THEMES, config.languagesRead(), config.minTokenLength()),
                EvaluateThemes.readLabels(labels));
    }

    @Test
    void sampleLabels(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        // The sample as the issue reads it (001 and 002 are not about NATO enlargement, only 002 is Minsk), except that
        // 004 is labelled without sanctions on purpose, to see a false positive listed.
        Files.writeString(labels, String.join("\n",
                "{\"id\": \"578ef146903e563a\", \"sanctions\": 1, \"nato_expansion\": 1, \"minsk_accords\": 0}",
                "{\"id\": \"44c21f19dce00bbe\", \"sanctions\": 1, \"nato_expansion\": 0, \"minsk_accords\": 0}",
                "{\"id\": \"af53009ea800db80\", \"sanctions\": 1, \"nato_expansion\": 0, \"minsk_accords\": 1}",
                "{\"id\": \"d0f59cb76fdf910e\", \"sanctions\": 1, \"nato_expansion\": 1, \"minsk_accords\": 0}",
                "{\"id\": \"cd84d37e1e4e22a8\", \"sanctions\": 0, \"nato_expansion\": 1}"));
        ThemeEvaluation e = evaluate(labels, "--input", "data/sample");
        assertEquals(List.of(
                new ThemeEvaluation.Score("sanctions", 4, 1, 0, 0),
                new ThemeEvaluation.Score("nato_expansion", 3, 0, 0, 2),
                new ThemeEvaluation.Score("minsk_accords", 1, 0, 0, 3)), e.scores());
        assertEquals("FALSE POSITIVE sanctions cd84d37e1e4e22a8", e.report().lines()
                .filter(l -> l.startsWith("FALSE")).findFirst().orElseThrow().substring(0, 41));
    }

    @Test
    void unknownIdsAndBadLabelsAreRefused(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"id\": \"nope\", \"sanctions\": 1}\n");
        assertEquals("1 labelled ids are not in the input, e.g. [nope]",
                assertThrows(ConfigException.class, () -> evaluate(labels, "--input", "data/sample")).getMessage());
        Files.writeString(labels, "{\"id\": \"x\", \"sanctions\": 2}\n");
        assertEquals("labels " + labels + " line 1: \"sanctions\" must be 0 or 1, got 2",
                assertThrows(ConfigException.class, () -> EvaluateThemes.readLabels(labels)).getMessage());
        assertEquals(ExitCode.BAD_CONFIG, EvaluateThemes.run(new String[]{dir.resolve("missing.jsonl").toString()}));
    }

    /**
     * The bar on the hand-labelled sets (data/labels, read by people with the definitions in README): F1 of
     * at least 0.90 for sanctions and NATO expansion, and no false positive for the Minsk accords.
     */
    @Test
    void bundledThemesOnTheLabelledSets() {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the labelled-set check is skipped");
        for (String set : List.of("news2022-dev", "news2022-holdout")) {
            ThemeEvaluation e = evaluate(Path.of("data/labels/" + set + ".jsonl"),
                    "--input", shared.resolve("corpora/nl-news-2022.jsonl.gz").toString());
            Map<String, ThemeEvaluation.Score> s = byTheme(e);
            assertTrue(s.get("sanctions").f1() >= 0.90, set + ": " + e.report());
            assertTrue(s.get("nato_expansion").f1() >= 0.90, set + ": " + e.report());
            assertEquals(0, s.get("minsk_accords").falsePositives(), set + ": " + e.report());
        }
        ThemeEvaluation english = evaluate(Path.of("data/labels/en-ukraine-minsk.jsonl"),
                "--input", shared.resolve("corpora/en-ukraine-2019-2022.jsonl.gz").toString());
        assertEquals(0, byTheme(english).get("minsk_accords").falsePositives(), english.report());
        assertTrue(byTheme(english).get("minsk_accords").recall() >= 0.90, english.report());
    }

    /**
     * The sets drawn to measure recall honestly, each read by three readers before any rule was written after it
     * (README, "Evaluating themes"). Exact, so that a change of the rules shows here what it does to each; the issue's
     * bar (F1 0.95, precision 0.97) holds in Dutch and not yet for English sanctions.
     */
    @Test
    void bundledThemesOnTheTestSets() {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the labelled-set check is skipped");
        assertScores(shared, "news2022-test", "nl-news-2022", "nl", new ThemeEvaluation.Score("sanctions", 10, 0, 0, 70),
                new ThemeEvaluation.Score("nato_expansion", 4, 0, 0, 76),
                new ThemeEvaluation.Score("minsk_accords", 0, 0, 0, 80));
        // Each English set's first score, with the rules as they were when it was drawn, is in README; rules were
        // then written for what each missed, so all are spent. en-ukraine-test5 was scored first at 27/0/3/50,
        // 12/0/2/66 and 5/0/1/74: the English rules' last honest score.
        Map<String, List<ThemeEvaluation.Score>> english = new LinkedHashMap<>();
        english.put("en-ukraine-test", threeThemes(25, 1, 1, 53, 8, 0, 1, 71, 3, 0, 1, 76));
        english.put("en-ukraine-test2", threeThemes(33, 0, 1, 46, 13, 0, 2, 65, 5, 0, 1, 74));
        english.put("en-ukraine-test3", threeThemes(26, 0, 1, 53, 12, 0, 0, 68, 2, 0, 0, 78));
        english.put("en-ukraine-test4", threeThemes(27, 1, 2, 50, 7, 0, 0, 73, 4, 0, 0, 76));
        english.put("en-ukraine-test5", threeThemes(29, 0, 1, 50, 12, 0, 2, 66, 5, 0, 1, 74));
        assertScoresPerSet(shared, "en-ukraine-2019-2022", english);
    }

    /**
     * Sanctions, NATO expansion and the Minsk accords, in that order: of each its true and false positives, false and
     * true negatives (the order of {@link ThemeEvaluation.Score}'s components).
     */
    private static List<ThemeEvaluation.Score> threeThemes(int... counts) {
        assertEquals(12, counts.length, "four counts for each of three themes");
        List<String> themes = List.of("sanctions", "nato_expansion", "minsk_accords");
        return java.util.stream.IntStream.range(0, themes.size()).mapToObj(i -> new ThemeEvaluation.Score(themes.get(i),
                counts[4 * i], counts[4 * i + 1], counts[4 * i + 2], counts[4 * i + 3])).toList();
    }

    /** The scores on a label set of 80 articles of {@code corpus}, all in {@code language}. */
    private static void assertScores(Path shared, String set, String corpus, String language,
                                     ThemeEvaluation.Score... expected) {
        ThemeEvaluation e = evaluate(Path.of("data/labels/" + set + ".jsonl"),
                "--input", shared.resolve("corpora/" + corpus + ".jsonl.gz").toString());
        assertEquals(Map.of(language, 80L), e.languages());
        assertEquals(List.of(expected), e.scores(), e.report());
    }

    /**
     * Each set's scores, as {@code expected} has them, from one evaluation of all the sets together, so that the corpus
     * is read and matched once: a set's false positives and negatives are the errors among its ids.
     */
    private static void assertScoresPerSet(Path shared, String corpus,
                                           Map<String, List<ThemeEvaluation.Score>> expected) {
        Map<String, Map<String, Map<String, Integer>>> bySet = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> all = new HashMap<>();
        for (String set : expected.keySet()) {
            Map<String, Map<String, Integer>> labels = EvaluateThemes.readLabels(Path.of("data/labels/" + set + ".jsonl"));
            assertEquals(80, labels.size(), set);
            bySet.put(set, labels);
            all.putAll(labels);
        }
        assertEquals(80 * expected.size(), all.size(), "the sets share no article");
        JobConfig config = CliArgs.parse(List.of("--input", shared.resolve("corpora/" + corpus + ".jsonl.gz").toString()))
                .config();
        ThemeEvaluation e = EvaluateThemes.evaluate(spark, config, THEMES,
                ThemeMatchers.compile(THEMES, config.languagesRead(), config.minTokenLength()), all);
        assertEquals(Map.of("en", 80L * expected.size()), e.languages());
        Map<String, List<ThemeEvaluation.Score>> scores = new LinkedHashMap<>();
        bySet.forEach((set, labels) -> scores.put(set, e.scores().stream()
                .map(s -> scoreAmong(s.theme(), labels, e.errors())).toList()));
        assertEquals(expected, scores, e.report());
    }

    private static ThemeEvaluation.Score scoreAmong(String theme, Map<String, Map<String, Integer>> labels,
                                                    List<ThemeEvaluation.Error> errors) {
        long positives = labels.values().stream().filter(l -> Integer.valueOf(1).equals(l.get(theme))).count();
        long negatives = labels.values().stream().filter(l -> Integer.valueOf(0).equals(l.get(theme))).count();
        long falsePositives = errors.stream()
                .filter(x -> x.theme().equals(theme) && x.falsePositive() && labels.containsKey(x.docId())).count();
        long falseNegatives = errors.stream()
                .filter(x -> x.theme().equals(theme) && !x.falsePositive() && labels.containsKey(x.docId())).count();
        return new ThemeEvaluation.Score(theme, (int) (positives - falseNegatives), (int) falsePositives,
                (int) falseNegatives, (int) (negatives - falsePositives));
    }

    private static Map<String, ThemeEvaluation.Score> byTheme(ThemeEvaluation e) {
        return e.scores().stream().collect(java.util.stream.Collectors.toMap(ThemeEvaluation.Score::theme, s -> s));
    }
}
