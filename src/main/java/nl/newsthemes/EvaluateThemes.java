package nl.newsthemes;

import nl.newsthemes.analysis.AnalyzeDocuments;
import nl.newsthemes.config.CliArgs;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.StrictJson;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.ingest.Corpus;
import nl.newsthemes.ingest.CorpusReader;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.run.LogText;
import nl.newsthemes.themes.ThemeEvaluation;
import nl.newsthemes.themes.ThemeMatchers;
import nl.newsthemes.themes.ThemeTables;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.col;

/**
 * {@code jobs/evaluate.sh LABELS.jsonl --input CORPUS [--themes FILE]}: runs theme detection on the labelled
 * documents of a corpus and prints precision, recall and F1 per theme, then every wrong document with its evidence.
 * Labels are JSON lines {@code {"id": "...", "sanctions": 0|1, ...}}; a theme missing from a line is not scored for
 * that document. Exit code 2 when a labelled id is not in the corpus (the figures would be wrong) or the labels are
 * malformed.
 */
public final class EvaluateThemes {
    private EvaluateThemes() {
    }

    public static void main(String[] args) {
        System.exit(run(args).code);
    }

    public static ExitCode run(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: evaluate LABELS.jsonl --input CORPUS [--themes FILE] [--master URL]");
            return ExitCode.BAD_CONFIG;
        }
        JobConfig config;
        ThemeSet themes;
        Map<String, Map<String, Integer>> labels;
        ThemeMatchers matchers;
        try {
            labels = readLabels(Path.of(args[0]));
            config = CliArgs.parse(Arrays.asList(args).subList(1, args.length)).config();
            themes = ThemeSet.load(config.themes());
            matchers = ThemeMatchers.compile(themes, config.languagesRead(), config.minTokenLength());
        } catch (ConfigException e) {
            System.err.println("evaluate: " + LogText.oneLine(e.getMessage()));
            return ExitCode.BAD_CONFIG;
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = ThemesJob.session(config);
        try {
            System.out.print(evaluate(spark, config, themes, matchers, labels).report());
            return ExitCode.DONE;
        } catch (ConfigException e) {
            System.err.println("evaluate: " + LogText.oneLine(e.getMessage()));
            return ExitCode.BAD_CONFIG;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    static ThemeEvaluation evaluate(SparkSession spark, JobConfig config, ThemeSet themes, ThemeMatchers matchers,
                                    Map<String, Map<String, Integer>> labels) {
        Corpus corpus = CorpusReader.read(spark, InputListing.list(config.input(), spark.sparkContext().hadoopConfiguration()),
                config.maxFileBytes());
        // The boilerplate is learned from the whole input, as the job learns it, so that the rules see the same text.
        Boilerplate boilerplate = AnalyzeDocuments.learnBoilerplate(corpus.articles(), config, matchers);
        Dataset<Row> labelled = corpus.articles().filter(col(DOC_ID).isin(labels.keySet().toArray()));
        Dataset<Row> analyzed = AnalyzeDocuments.apply(labelled, boilerplate, matchers);
        List<Row> rows = ThemeTables.docThemes(analyzed).join(analyzed.select(DOC_ID, LANGUAGE, TITLE), DOC_ID).collectAsList();
        corpus.cached().unpersist();
        Set<String> found = new TreeSet<>();
        List<ThemeEvaluation.Prediction> predictions = new ArrayList<>();
        for (Row r : rows) {
            found.add(r.getAs(DOC_ID));
            predictions.add(new ThemeEvaluation.Prediction(r.getAs(DOC_ID), r.getAs(THEME), r.getAs(LANGUAGE), r.getAs(MATCHED),
                    r.getAs(SCORE), r.getAs(TITLE), r.getList(r.fieldIndex(MATCHED_TERMS)),
                    r.getList(r.fieldIndex(EVIDENCE))));
        }
        Set<String> missing = new TreeSet<>(labels.keySet());
        missing.removeAll(found);
        ConfigException.check(missing.isEmpty(), "%d labelled ids are not in the input, e.g. %s", missing.size(),
                missing.stream().limit(5).toList());
        return ThemeEvaluation.evaluate(themes.names(), labels, predictions);
    }

    /** doc_id to theme to 0/1, in file order. */
    static Map<String, Map<String, Integer>> readLabels(Path file) {
        ConfigException.check(Files.isRegularFile(file), "labels %s: no such file", file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("labels " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        Map<String, Map<String, Integer>> labels = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = "labels " + file + " line " + (i + 1);
            JsonNode row = StrictJson.readTree(lines.get(i), where);
            ConfigException.check(row.isObject() && row.path("id").isTextual(), "%s: needs a string \"id\"", where);
            Map<String, Integer> themes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("id")) {
                    continue;
                }
                JsonNode v = field.getValue();
                ConfigException.check(v.isInt() && (v.asInt() == 0 || v.asInt() == 1),
                        "%s: \"%s\" must be 0 or 1, got %s", where, field.getKey(), v);
                themes.put(field.getKey(), v.asInt());
            }
            ConfigException.check(labels.put(row.get("id").asText(), themes) == null, "%s: id %s appears twice",
                    where, row.get("id").asText());
        }
        return labels;
    }
}
