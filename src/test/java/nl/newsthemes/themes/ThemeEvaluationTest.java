package nl.newsthemes.themes;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeEvaluationTest {
    private static ThemeEvaluation.Prediction p(String doc, String theme, boolean matched) {
        return p(doc, theme, "nl", matched);
    }

    private static ThemeEvaluation.Prediction p(String doc, String theme, String language, boolean matched) {
        return new ThemeEvaluation.Prediction(doc, theme, language, matched, matched ? 2 : 0, "title " + doc,
                matched ? List.of("sancties") : List.of(), matched ? List.of("…de sancties…") : List.of());
    }

    @Test
    void countsAndScores() {
        Map<String, Map<String, Integer>> labels = Map.of(
                "a", Map.of("sanctions", 1, "nato", 0),
                "b", Map.of("sanctions", 1, "nato", 1),
                "c", Map.of("sanctions", 0, "nato", 0),
                "d", Map.of("sanctions", 0));
        List<ThemeEvaluation.Prediction> predictions = List.of(
                p("a", "sanctions", true), p("b", "sanctions", false), p("c", "sanctions", true), p("d", "sanctions", false),
                p("a", "nato", false), p("b", "nato", true), p("c", "nato", false), p("d", "nato", true),
                p("a", "unlabelled", true));
        ThemeEvaluation e = ThemeEvaluation.evaluate(List.of("sanctions", "nato", "unlabelled"), labels, predictions);

        assertEquals(List.of(new ThemeEvaluation.Score("sanctions", 1, 1, 1, 1),
                new ThemeEvaluation.Score("nato", 1, 0, 0, 2)), e.scores());
        assertEquals(0.5, e.scores().get(0).precision());
        assertEquals(0.5, e.scores().get(0).recall());
        assertEquals(0.5, e.scores().get(0).f1());
        assertEquals(1.0, e.scores().get(1).f1());
        // d has no nato label: its match is not scored.
        assertEquals(List.of("sanctions b false", "sanctions c true"),
                e.errors().stream().map(x -> x.theme() + " " + x.docId() + " " + x.falsePositive()).toList());
        assertEquals(Map.of(), e.byLanguage());
        assertEquals(String.join("\n",
                "documents by language: nl 4",
                "language theme                 tp    fp    fn    tn precision  recall     f1",
                "all      sanctions              1     1     1     1     0.500   0.500  0.500",
                "all      nato                   1     0     0     2     1.000   1.000  1.000",
                "",
                "FALSE NEGATIVE sanctions b (score 0.00) title b",
                "",
                "FALSE POSITIVE sanctions c (score 2.00) title c",
                "  matched: sancties",
                "  > …de sancties…",
                ""), e.report());
    }

    @Test
    void scoresEachLanguageWhenTheDocumentsAreInMoreThanOne() {
        Map<String, Map<String, Integer>> labels = Map.of(
                "a", Map.of("sanctions", 1),
                "b", Map.of("sanctions", 1),
                "c", Map.of("sanctions", 0),
                "e", Map.of("sanctions", 1));
        ThemeEvaluation e = ThemeEvaluation.evaluate(List.of("sanctions"), labels, List.of(
                p("a", "sanctions", "nl", true), p("b", "sanctions", "en", false), p("c", "sanctions", "en", true),
                p("e", "sanctions", "en", true)));

        assertEquals(List.of(new ThemeEvaluation.Score("sanctions", 2, 1, 1, 0)), e.scores());
        assertEquals(Map.of("en", List.of(new ThemeEvaluation.Score("sanctions", 1, 1, 1, 0)),
                "nl", List.of(new ThemeEvaluation.Score("sanctions", 1, 0, 0, 0))), e.byLanguage());
        assertEquals(List.of("en", "nl"), List.copyOf(e.byLanguage().keySet()));
        assertEquals(Map.of("en", 3L, "nl", 1L), e.languages());
        assertEquals(List.of(
                "documents by language: en 3, nl 1",
                "language theme                 tp    fp    fn    tn precision  recall     f1",
                "all      sanctions              2     1     1     0     0.667   0.667  0.667",
                "en       sanctions              1     1     1     0     0.500   0.500  0.500",
                "nl       sanctions              1     0     0     0     1.000   1.000  1.000"),
                e.report().lines().limit(5).toList());
    }
}
