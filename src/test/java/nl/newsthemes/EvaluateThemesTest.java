package nl.newsthemes;

import nl.newsthemes.config.CliArgs;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.themes.ThemeEvaluation;
import nl.newsthemes.themes.ThemeMatchers;
import org.junit.jupiter.api.AfterAll;
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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluation command on the sample, and the bundled themes against the hand labels in data/labels. */
class EvaluateThemesTest extends SparkTestBase {
    private static final ThemeSet THEMES = ThemeSet.load(null);

    private static ThemeEvaluation evaluate(Path labels, String... input) {
        return evaluate(EvaluateThemes.readLabels(labels), input);
    }

    /** The bundled themes on the labelled documents of the input that the job arguments {@code input} name. */
    private static ThemeEvaluation evaluate(Map<String, Map<String, Integer>> labels, String... input) {
        JobConfig config = CliArgs.parse(List.of(input)).config();
        return EvaluateThemes.evaluate(spark, config, THEMES,
                ThemeMatchers.compile(THEMES, config.languagesRead(), config.minTokenLength()), labels);
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

    /** The labelled sets of each corpus that these tests score, in the order README introduces them. */
    private static final Map<String, List<String>> SETS = Map.of(
            "nl-news-2022", List.of("news2022-dev", "news2022-holdout", "news2022-test", "news2022-test2",
                    "news2022-test3", "news2022-test4", "news2022-test5", "news2022-test6", "news2022-test7",
                    "news2022-test8", "news2022-test9", "news2022-test10"),
            "en-ukraine-2019-2022", List.of("en-ukraine-minsk", "en-ukraine-test", "en-ukraine-test2", "en-ukraine-test3",
                    "en-ukraine-test4", "en-ukraine-test5", "en-ukraine-test6", "en-ukraine-test7", "en-ukraine-test8",
                    "en-ukraine-test9", "en-ukraine-test10", "en-ukraine-test11", "en-ukraine-test12",
                    "en-ukraine-test13", "en-ukraine-test14"));
    /** Per corpus, its sets evaluated together (see {@link LabelledSets}), for both tests below. */
    private static final Map<String, LabelledSets> EVALUATED = new HashMap<>();

    @AfterAll
    static void forgetEvaluations() {
        EVALUATED.clear();
    }

    /**
     * The bar on the hand-labelled sets (data/labels, read by people with the definitions in README): F1 of
     * at least 0.90 for sanctions and NATO expansion, and no false positive for the Minsk accords.
     */
    @Test
    void bundledThemesOnTheLabelledSets() {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the labelled-set check is skipped");
        LabelledSets dutch = evaluated(shared, "nl-news-2022");
        for (String set : List.of("news2022-dev", "news2022-holdout")) {
            Map<String, ThemeEvaluation.Score> s = dutch.scores(set);
            assertTrue(s.get("sanctions").f1() >= 0.90, dutch.why(set));
            assertTrue(s.get("nato_expansion").f1() >= 0.90, dutch.why(set));
            assertEquals(0, s.get("minsk_accords").falsePositives(), dutch.why(set));
        }
        LabelledSets english = evaluated(shared, "en-ukraine-2019-2022");
        Map<String, ThemeEvaluation.Score> minsk = english.scores("en-ukraine-minsk");
        assertEquals(0, minsk.get("minsk_accords").falsePositives(), english.why("en-ukraine-minsk"));
        assertTrue(minsk.get("minsk_accords").recall() >= 0.90, english.why("en-ukraine-minsk"));
    }

    /**
     * The sets drawn to measure recall honestly, each read by three readers before any rule was written after it
     * (README, "Evaluating themes"). Exact, so that a change of the rules shows here what it does to each; README
     * says which sets are spent and how far the first scores are from the bar.
     */
    @Test
    void bundledThemesOnTheTestSets() {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the labelled-set check is skipped");
        LabelledSets dutch = evaluated(shared, "nl-news-2022");
        // Every labelled Dutch article is read in Dutch, those of the test sets among them.
        assertEquals(Map.of("nl", 1150L), dutch.evaluation().languages());
        // news2022-test2 was drawn and read after every rule before it and scored first at 11/2/3/64, 1/1/0/78 and
        // 0/0/0/80, the Dutch rules' honest score; the NATO fleet was then kept out of NATO expansion.
        // news2022-test3, news2022-test4 and news2022-test5 were drawn and read after the rules for news2022-test2 and
        // scored once; news2022-test5 (first 16/0/2/62 and 2/0/2/76) and news2022-test6 (drawn 2026-12-08, first
        // 5/1/0/74 and 0/1/0/79) were then written on, news2022-test7 (first 13/3/3/61) after them and was written
        // on too; news2022-test8 (first 12/0/1/67) after that, and a third round was written on it and on
        // en-ukraine-test12; news2022-test9 was drawn and read after that round and scored once, and no rule is
        // written on it, nor on news2022-test10, drawn and scored once after the fourth round (English NATO only).
        Map<String, List<ThemeEvaluation.Score>> dutchExpected = new LinkedHashMap<>();
        dutchExpected.put("news2022-test", threeThemes(10, 0, 0, 70, 4, 0, 0, 76, 0, 0, 0, 80));
        dutchExpected.put("news2022-test2", threeThemes(11, 2, 3, 64, 1, 0, 0, 79, 0, 0, 0, 80));
        dutchExpected.put("news2022-test3", threeThemes(16, 0, 0, 64, 0, 0, 0, 80, 0, 0, 0, 80));
        dutchExpected.put("news2022-test4", threeThemes(8, 0, 3, 69, 2, 0, 0, 78, 0, 0, 0, 80));
        dutchExpected.put("news2022-test5", threeThemes(18, 0, 0, 62, 4, 0, 0, 76, 0, 0, 0, 80));
        dutchExpected.put("news2022-test6", threeThemes(5, 0, 0, 75, 0, 0, 0, 80, 0, 0, 0, 80));
        dutchExpected.put("news2022-test7", threeThemes(16, 1, 0, 63, 3, 0, 0, 77, 0, 0, 0, 80));
        dutchExpected.put("news2022-test8", threeThemes(12, 0, 1, 67, 1, 0, 0, 79, 0, 0, 0, 80));
        dutchExpected.put("news2022-test9", threeThemes(5, 0, 1, 74, 1, 0, 0, 79, 0, 0, 0, 80));
        dutchExpected.put("news2022-test10", threeThemes(15, 1, 1, 63, 0, 0, 0, 80, 0, 0, 0, 80));
        assertScoresOfSets(dutch, dutchExpected);
        // Each English set's first score, with the rules as they were when it was drawn, is in README; rules were
        // then written for what each of the first six missed, so those are spent (en-ukraine-test6 was scored first
        // at 23/0/4/53, 7/0/1/72 and 1/0/0/79). en-ukraine-test7 was drawn and read after the rule for
        // en-ukraine-test6 and scored once, and no rule is written on it; en-ukraine-test8 was scored first at
        // 24/2/0/54, 8/1/1/70 and 2/0/1/77, then a "request" or "bid" to join counted for Finland and Sweden.
        // en-ukraine-test9 was drawn and read after that rule and scored once (27/0/5/48, 12/0/1/67, 3/0/0/77);
        // en-ukraine-test10 (first 31/0/3/46, 9/0/2/69, 4/1/0/75) too, and rules were written on both. Then
        // en-ukraine-test11 and en-ukraine-test12 (first 24/0/4/52, 13/0/3/64, 3/0/0/77) were each drawn, read and
        // scored once, and a third round was written on en-ukraine-test12; en-ukraine-test13 was drawn and read after
        // it and scored once (NATO expansion first 7/1/6/66), and a fourth round (NATO expansion only) was written on
        // it; no rule is written on en-ukraine-test11 or on en-ukraine-test14, drawn and scored once after that round.
        Map<String, List<ThemeEvaluation.Score>> expected = new LinkedHashMap<>();
        expected.put("en-ukraine-test", threeThemes(25, 1, 1, 53, 8, 0, 1, 71, 3, 0, 1, 76));
        expected.put("en-ukraine-test2", threeThemes(33, 0, 1, 46, 13, 0, 2, 65, 5, 0, 1, 74));
        expected.put("en-ukraine-test3", threeThemes(26, 0, 1, 53, 12, 0, 0, 68, 2, 0, 0, 78));
        expected.put("en-ukraine-test4", threeThemes(27, 1, 2, 50, 7, 0, 0, 73, 4, 0, 0, 76));
        expected.put("en-ukraine-test5", threeThemes(29, 0, 1, 50, 12, 0, 2, 66, 5, 0, 1, 74));
        expected.put("en-ukraine-test6", threeThemes(26, 0, 1, 53, 7, 0, 1, 72, 1, 0, 0, 79));
        expected.put("en-ukraine-test7", threeThemes(27, 0, 0, 53, 12, 0, 0, 68, 3, 0, 1, 76));
        expected.put("en-ukraine-test8", threeThemes(24, 2, 0, 54, 9, 1, 0, 70, 2, 0, 1, 77));
        expected.put("en-ukraine-test9", threeThemes(31, 0, 1, 48, 13, 0, 0, 67, 3, 0, 0, 77));
        expected.put("en-ukraine-test10", threeThemes(34, 0, 0, 46, 10, 0, 1, 69, 4, 0, 0, 76));
        expected.put("en-ukraine-test11", threeThemes(22, 1, 1, 56, 8, 1, 1, 70, 4, 0, 0, 76));
        expected.put("en-ukraine-test12", threeThemes(26, 0, 2, 52, 14, 0, 2, 64, 3, 0, 0, 77));
        expected.put("en-ukraine-test13", threeThemes(35, 0, 0, 45, 9, 1, 4, 66, 3, 0, 1, 76));
        expected.put("en-ukraine-test14", threeThemes(26, 0, 3, 51, 8, 0, 2, 70, 2, 0, 0, 78));
        LabelledSets english = evaluated(shared, "en-ukraine-2019-2022");
        // The 40 articles of en-ukraine-minsk and the 1,120 of the test sets, all read in English.
        assertEquals(Map.of("en", 1160L), english.evaluation().languages());
        assertScoresOfSets(english, expected);
    }

    /** Each set of {@code expected} has 80 articles and exactly its scores; a failure names every set's errors. */
    private static void assertScoresOfSets(LabelledSets sets, Map<String, List<ThemeEvaluation.Score>> expected) {
        Map<String, List<ThemeEvaluation.Score>> scores = new LinkedHashMap<>();
        for (String set : expected.keySet()) {
            assertEquals(80, sets.bySet().get(set).size(), set);
            scores.put(set, sets.scoreList(set));
        }
        assertEquals(expected, scores, expected.keySet().stream().map(sets::why).collect(Collectors.joining("\n")));
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

    private static LabelledSets evaluated(Path shared, String corpus) {
        return EVALUATED.computeIfAbsent(corpus, c -> LabelledSets.evaluate(shared, c, SETS.get(c)));
    }

    /**
     * The labelled sets of one corpus in one evaluation, so that the corpus is read and its boilerplate learned once
     * for all of them: a set's false positives and negatives are the errors among its own ids.
     */
    private record LabelledSets(ThemeEvaluation evaluation, Map<String, Map<String, Map<String, Integer>>> bySet) {
        static LabelledSets evaluate(Path shared, String corpus, List<String> sets) {
            Map<String, Map<String, Map<String, Integer>>> bySet = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> all = new HashMap<>();
            int labelled = 0;
            for (String set : sets) {
                Map<String, Map<String, Integer>> labels = EvaluateThemes.readLabels(Path.of("data/labels/" + set + ".jsonl"));
                bySet.put(set, labels);
                all.putAll(labels);
                labelled += labels.size();
            }
            assertEquals(labelled, all.size(), "the sets of " + corpus + " share no article");
            return new LabelledSets(EvaluateThemesTest.evaluate(all, "--input",
                    shared.resolve("corpora/" + corpus + ".jsonl.gz").toString()), bySet);
        }

        /**
         * A set's scores, in the evaluation's order of themes, for the themes the set labels: as an evaluation of the
         * set alone leaves out a theme that none of its documents is labelled for.
         */
        List<ThemeEvaluation.Score> scoreList(String set) {
            Map<String, Map<String, Integer>> labels = bySet.get(set);
            return evaluation.scores().stream().map(ThemeEvaluation.Score::theme)
                    .filter(theme -> labels.values().stream().anyMatch(l -> l.containsKey(theme)))
                    .map(theme -> scoreAmong(theme, labels, evaluation.errors())).toList();
        }

        /** For a failure's message: the set's scores and the documents of the set that the rules got wrong. */
        String why(String set) {
            return set + ": " + scoreList(set) + evaluation.errors().stream()
                    .filter(e -> bySet.get(set).containsKey(e.docId())).map(e -> "\n" + e).collect(Collectors.joining());
        }

        Map<String, ThemeEvaluation.Score> scores(String set) {
            return scoreList(set).stream().collect(Collectors.toMap(ThemeEvaluation.Score::theme, s -> s));
        }
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

}
