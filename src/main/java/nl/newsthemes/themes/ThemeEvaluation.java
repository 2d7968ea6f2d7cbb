package nl.newsthemes.themes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Precision, recall and F1 of the theme rules against hand labels, and the documents they get wrong.
 *
 * @param scores     per theme, in theme-file order
 * @param byLanguage the same for the documents of each language (by code, sorted), when they are in more than one
 * @param languages  labelled documents per language, by code
 * @param errors     every false positive and false negative, by theme then doc_id
 */
public record ThemeEvaluation(List<Score> scores, Map<String, List<Score>> byLanguage, Map<String, Long> languages,
                              List<Error> errors) {

    /** One theme's confusion counts. */
    public record Score(String theme, int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /** A document the rules got wrong, with what they saw. */
    public record Error(String theme, String docId, boolean falsePositive, String title, double score,
                        List<String> matchedTerms, List<String> evidence) {
    }

    /** What the rules said of one document and theme; {@code language} is the document's. */
    public record Prediction(String docId, String theme, String language, boolean matched, double score, String title,
                             List<String> matchedTerms, List<String> evidence) {
    }

    /**
     * @param themes      theme names, in the order to report them; themes that no document is labelled for are left
     *                    out (nothing to score them on)
     * @param labels      doc_id to (theme to 0/1); a theme missing from a document's labels is not scored for it
     * @param predictions one per labelled document and theme
     */
    public static ThemeEvaluation evaluate(List<String> themes, Map<String, Map<String, Integer>> labels,
                                           List<Prediction> predictions) {
        List<Error> errors = new ArrayList<>();
        List<Score> scores = score(themes, labels, predictions, errors);
        Map<String, String> languageOf = new TreeMap<>();
        predictions.forEach(p -> languageOf.put(p.docId(), p.language()));
        Map<String, Long> languages = new TreeMap<>(languageOf.values().stream()
                .collect(Collectors.groupingBy(l -> l, Collectors.counting())));
        Map<String, List<Score>> byLanguage = new LinkedHashMap<>();
        if (languages.size() > 1) {
            for (String language : languages.keySet()) {
                byLanguage.put(language, score(themes, labels, predictions.stream()
                        .filter(p -> p.language().equals(language)).toList(), new ArrayList<>()));
            }
        }
        return new ThemeEvaluation(scores, byLanguage, languages, List.copyOf(errors));
    }

    private static List<Score> score(List<String> themes, Map<String, Map<String, Integer>> labels,
                                     List<Prediction> predictions, List<Error> errors) {
        Map<String, Map<String, Prediction>> byTheme = new TreeMap<>();
        predictions.forEach(p -> byTheme.computeIfAbsent(p.theme(), t -> new TreeMap<>()).put(p.docId(), p));
        List<Score> scores = new ArrayList<>();
        for (String theme : themes) {
            if (labels.values().stream().noneMatch(l -> l.containsKey(theme))) {
                continue;
            }
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (Map.Entry<String, Map<String, Integer>> label : new TreeMap<>(labels).entrySet()) {
                Integer truth = label.getValue().get(theme);
                Prediction p = byTheme.getOrDefault(theme, Map.of()).get(label.getKey());
                if (truth == null || p == null) {
                    continue;
                }
                boolean positive = truth == 1;
                if (positive && p.matched()) {
                    tp++;
                } else if (positive) {
                    fn++;
                    errors.add(new Error(theme, p.docId(), false, p.title(), p.score(), p.matchedTerms(), p.evidence()));
                } else if (p.matched()) {
                    fp++;
                    errors.add(new Error(theme, p.docId(), true, p.title(), p.score(), p.matchedTerms(), p.evidence()));
                } else {
                    tn++;
                }
            }
            scores.add(new Score(theme, tp, fp, fn, tn));
        }
        return List.copyOf(scores);
    }

    /**
     * The printed report: the documents per language, a table of scores (and one per language when the documents are
     * in more than one), then each wrong document with its evidence.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("documents by language: ").append(languages.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        sb.append(String.format(Locale.ROOT, "%-8s %-18s %5s %5s %5s %5s %9s %7s %6s%n",
                "language", "theme", "tp", "fp", "fn", "tn", "precision", "recall", "f1"));
        rows(sb, "all", scores);
        byLanguage.forEach((language, languageScores) -> rows(sb, language, languageScores));
        for (Error e : errors) {
            sb.append(String.format(Locale.ROOT, "%n%s %s %s (score %.2f) %s%n", e.falsePositive() ? "FALSE POSITIVE" : "FALSE NEGATIVE",
                    e.theme(), e.docId(), e.score(), e.title() == null ? "" : e.title()));
            if (!e.matchedTerms().isEmpty()) {
                sb.append("  matched: ").append(String.join(" | ", e.matchedTerms())).append('\n');
            }
            e.evidence().forEach(snippet -> sb.append("  > ").append(snippet).append('\n'));
        }
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String language, List<Score> scores) {
        for (Score s : scores) {
            sb.append(String.format(Locale.ROOT, "%-8s %-18s %5d %5d %5d %5d %9.3f %7.3f %6.3f%n", language, s.theme(),
                    s.truePositives(), s.falsePositives(), s.falseNegatives(), s.trueNegatives(),
                    s.precision(), s.recall(), s.f1()));
        }
    }
}
