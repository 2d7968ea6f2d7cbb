package nl.newsthemes.themes;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeEvaluationTest {
    private static ThemeEvaluation.Prediction p(String doc, String theme, boolean matched) {
        return new ThemeEvaluation.Prediction(doc, theme, matched, matched ? 2 : 0, "title " + doc,
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
        assertEquals(String.join("\n",
                "theme                 tp    fp    fn    tn precision  recall     f1",
                "sanctions              1     1     1     1     0.500   0.500  0.500",
                "nato                   1     0     0     2     1.000   1.000  1.000",
                "",
                "FALSE NEGATIVE sanctions b (score 0.00) title b",
                "",
                "FALSE POSITIVE sanctions c (score 2.00) title c",
                "  matched: sancties",
                "  > …de sancties…",
                ""), e.report());
    }
}
