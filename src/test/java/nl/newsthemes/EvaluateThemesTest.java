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
     * The sets drawn last (2026-12-07) and read before any rule was written after them: their scores are the honest
     * ones of the bundled rules. Exact, so that a change of the rules shows here what it does to them; the issue's
     * bar (F1 0.95, precision 0.97) holds in Dutch and not yet in English (README, "Evaluating themes").
     */
    @Test
    void bundledThemesOnTheTestSets() {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the labelled-set check is skipped");
        assertScores(shared, "news2022-test", "nl-news-2022", "nl", new ThemeEvaluation.Score("sanctions", 10, 0, 0, 70),
                new ThemeEvaluation.Score("nato_expansion", 4, 0, 0, 76),
                new ThemeEvaluation.Score("minsk_accords", 0, 0, 0, 80));
        assertScores(shared, "en-ukraine-test", "en-ukraine-2019-2022", "en",
                new ThemeEvaluation.Score("sanctions", 23, 1, 3, 53),
                new ThemeEvaluation.Score("nato_expansion", 8, 0, 1, 71),
                new ThemeEvaluation.Score("minsk_accords", 3, 0, 1, 76));
        // Drawn and read by three readers (2026-12-06) after en-ukraine-test was spent; rules were then written for its
        // misses (first score 30/0/4/46, 11/1/4/64, 4/0/2/74), so it is spent too.
        assertScores(shared, "en-ukraine-test2", "en-ukraine-2019-2022", "en",
                new ThemeEvaluation.Score("sanctions", 30, 0, 4, 46),
                new ThemeEvaluation.Score("nato_expansion", 13, 0, 2, 65),
                new ThemeEvaluation.Score("minsk_accords", 5, 0, 1, 74));
        // Drawn and read after those rules were written, and scored once: the English rules' honest score today.
        assertScores(shared, "en-ukraine-test3", "en-ukraine-2019-2022", "en",
                new ThemeEvaluation.Score("sanctions", 24, 0, 3, 53),
                new ThemeEvaluation.Score("nato_expansion", 12, 0, 0, 68),
                new ThemeEvaluation.Score("minsk_accords", 2, 0, 0, 78));
    }

    /** The scores on a label set of 80 articles of {@code corpus}, all in {@code language}. */
    private static void assertScores(Path shared, String set, String corpus, String language,
                                     ThemeEvaluation.Score... expected) {
        ThemeEvaluation e = evaluate(Path.of("data/labels/" + set + ".jsonl"),
                "--input", shared.resolve("corpora/" + corpus + ".jsonl.gz").toString());
        assertEquals(Map.of(language, 80L), e.languages());
        assertEquals(List.of(expected), e.scores(), e.report());
    }

    private static Map<String, ThemeEvaluation.Score> byTheme(ThemeEvaluation e) {
        return e.scores().stream().collect(java.util.stream.Collectors.toMap(ThemeEvaluation.Score::theme, s -> s));
    }
}
