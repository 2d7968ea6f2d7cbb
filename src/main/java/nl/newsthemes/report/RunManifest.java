package nl.newsthemes.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.newsthemes.config.StrictJson;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.ingest.Hashes;
import nl.newsthemes.ingest.InputFile;
import nl.newsthemes.output.DeltaTables;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.run.ProjectVersion;
import nl.newsthemes.run.StageTimer;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: what a run read, how it was configured, what it produced, how long each stage took. Field
 * names are snake_case, like the config file's keys.
 */
public final class RunManifest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** Boilerplate sentences the manifest lists, the most widespread first; the saved model keeps them all. */
    private static final int BOILERPLATE_LISTED = 20;

    private RunManifest() {
    }

    public static void write(Path folder, FileSystem fs, RunSummary run) {
        try (FSDataOutputStream out = fs.create(new Path(folder, OutputFolder.MANIFEST), false)) {
            out.write(JSON.writeValueAsString(toJson(run)).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest: " + e.getMessage(), e);
        }
    }

    /** The manifest's sections in the order readers find them. */
    static ObjectNode toJson(RunSummary run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("run_id", run.runId());
        root.put("status", "succeeded");
        root.put("started_at", run.startedAt().toString());
        root.put("finished_at", run.finishedAt().toString());
        root.put("seconds", run.seconds());
        root.put("run_date", run.config().runDate());
        root.put("output", run.outputFolder());
        versions(root.putObject("versions"));
        root.set("config", StrictJson.mapper().valueToTree(run.config()));
        root.put("seed", run.config().seed());
        themes(root.putObject("themes"), run);
        inputs(root.putObject("inputs"), run);
        counts(root.putObject("counts"), run);
        languages(root.putObject("languages"), run);
        boilerplate(root.putObject("boilerplate"), run);
        vocabulary(root.putObject("vocabulary"), run);
        topics(root.putObject("topics"), run);
        runMode(root.putObject("run_mode"), run);
        qualityGate(root.putObject("quality_gate"), run);
        root.set("tables", JSON.valueToTree(new TreeMap<>(run.tableRows())));
        root.put(OutputFolder.MANIFEST_FORMAT, run.config().tables().code());
        if (!run.tableVersions().isEmpty()) {
            root.set(DeltaTables.MANIFEST_VERSIONS, JSON.valueToTree(new TreeMap<>(run.tableVersions())));
        }
        var stages = root.putArray("stages");
        for (StageTimer.Stage stage : run.stages()) {
            stages.addObject().put("name", stage.name()).put("seconds", stage.seconds()).put("detail", stage.detail());
        }
        return root;
    }

    private static void versions(ObjectNode versions) {
        versions.put("project", ProjectVersion.get());
        versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        versions.put("scala", scala.util.Properties.versionNumberString());
        versions.put("java", System.getProperty("java.version"));
    }

    private static void themes(ObjectNode themes, RunSummary run) {
        themes.put("source", run.themes().source());
        themes.put("sha256", Hashes.sha256Hex(run.themes().json()));
        themes.set("names", JSON.valueToTree(run.themes().names()));
        themes.set("definitions", StrictJson.readTree(run.themes().json(), run.themes().source()));
    }

    private static void inputs(ObjectNode inputs, RunSummary run) {
        inputs.set("paths", JSON.valueToTree(run.config().input()));
        Map<String, Integer> byFormat = new TreeMap<>();
        for (InputFile f : run.listing().files()) {
            byFormat.merge(f.format().label(), 1, Integer::sum);
        }
        inputs.set("files_by_format", JSON.valueToTree(byFormat));
        inputs.set("skipped_metadata_files", JSON.valueToTree(run.listing().skipped()));
    }

    private static void counts(ObjectNode counts, RunSummary run) {
        counts.put("files", run.listing().files().size());
        counts.put("records", run.ingested().loaded() + run.ingested().rejected());
        counts.put("loaded", run.ingested().loaded());
        counts.put("rejected", run.ingested().rejected());
        counts.set("rejected_by_reason", JSON.valueToTree(run.ingested().rejectsByReason()));
        counts.set("articles_by_month", JSON.valueToTree(run.ingested().byMonth()));
        counts.put("content_words", run.contentWords());
        counts.put("near_duplicates", run.nearDuplicates());
    }

    private static void languages(ObjectNode languages, RunSummary run) {
        languages.set("read_in", JSON.valueToTree(run.config().languages()));
        languages.set("articles", JSON.valueToTree(run.articlesByLanguage()));
    }

    private static void boilerplate(ObjectNode boilerplate, RunSummary run) {
        boilerplate.put("min_articles", run.config().boilerplateMinArticles());
        boilerplate.put("min_share", run.config().boilerplateMinShare());
        boilerplate.put("sentences", run.boilerplate().learned().size());
        boilerplate.put("removed_sentences", run.boilerplate().sentences());
        boilerplate.put("articles_with_removed_sentences", run.boilerplate().articles());
        listSentences(boilerplate.putArray("most_frequent"), run.boilerplate().learned().sentences());
        listSentences(boilerplate.putArray("kept_for_themes"), run.boilerplate().learned().themeStatements());
    }

    private static void vocabulary(ObjectNode vocabulary, RunSummary run) {
        vocabulary.put("size", run.vocabularySize());
        vocabulary.put("max_doc_freq_applied", Vocabulary.maxDocFreqApplies(run.ingested().loaded()));
    }

    private static void topics(ObjectNode topics, RunSummary run) {
        topics.put("requested", run.topics().requested());
        topics.put("used", run.topics().used());
        topics.put("reason", run.topics().reason());
        topics.put("documents", run.modelledDocuments());
        topics.put("documents_without_vocabulary_words", run.ingested().loaded() - run.modelledDocuments());
        topics.put("optimizer", "online");
        topics.put("max_iterations", run.config().ldaMaxIterations());
        topics.put("subsampling_rate", run.ldaSubsamplingRate());
        topics.put("learning_offset", run.config().ldaLearningOffset());
        topics.put("passes", run.config().ldaPasses());
        topics.put("start", run.config().ldaStart());
        topics.put("start_clusterings", run.config().ldaStartClusterings());
        if (run.topicLineage() != null) {
            ObjectNode lineage = topics.putObject("model");
            lineage.put("policy", run.topicLineage().policy());
            lineage.put("source", run.topicLineage().source());
            lineage.put("previous_run", run.topicLineage().previousRunId());
            lineage.put("topics_matched", run.topicLineage().matched());
            lineage.put("topics_new", run.topicLineage().added());
            lineage.put("topics_vanished", run.topicLineage().vanished());
            lineage.put("min_similarity", run.topicLineage().minSimilarity());
            lineage.put("started_from", run.topicLineage().startedFrom());
        }
        if (run.topicQuality() != null) {
            ObjectNode quality = topics.putObject("quality");
            quality.put("mean_npmi", run.topicQuality().meanNpmi());
            run.topicQuality().npmi().forEach(quality.putArray("npmi_by_topic")::add);
            quality.put("log_perplexity", run.topicQuality().logPerplexity());
            quality.put("perplexity_documents", run.topicQuality().perplexityDocuments());
        }
        topics.put("fitted_by_run", run.mode().modelRunId());
        topics.put("fitted_for_run_date", run.mode().modelRunDate());
    }

    private static void runMode(ObjectNode mode, RunSummary run) {
        mode.put("mode", run.mode().incremental() ? "incremental" : "full");
        mode.put("reason", run.mode().reason());
        if (run.mode().changes() != null) {
            ObjectNode files = mode.putObject("input_since_previous_run");
            files.set("added", JSON.valueToTree(run.mode().changes().added().stream().map(InputFile::path).toList()));
            files.set("changed", JSON.valueToTree(run.mode().changes().changed().stream().map(InputFile::path).toList()));
            files.set("removed", JSON.valueToTree(run.mode().changes().removed()));
            files.put("unchanged", run.mode().changes().unchanged().size());
        }
        mode.set("read_again", JSON.valueToTree(run.mode().reread()));
        mode.set("months_recomputed", JSON.valueToTree(run.mode().monthsRecomputed()));
        ObjectNode policy = mode.putObject("corpus_model_policy");
        policy.put("policy", "incremental runs reuse the vocabulary, IDF and topic model of the last full run; a "
                + "full run refits them over the whole corpus once refit_days have passed since it");
        policy.put("refit_days", run.mode().refitDays());
        policy.put("model_fitted_by_run", run.mode().modelRunId());
        policy.put("model_fitted_for_run_date", run.mode().modelRunDate());
        policy.put("next_refit_on", java.time.LocalDate.parse(run.mode().modelRunDate()).plusDays(run.mode().refitDays()).toString());
    }

    private static void qualityGate(ObjectNode gate, RunSummary run) {
        gate.put("passed", run.gate().passed());
        gate.put("max_rejected_share", run.config().maxRejectedShare());
        var checks = gate.putArray("checks");
        run.gate().checks().forEach(c -> checks.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail()));
    }

    /** The first {@link #BOILERPLATE_LISTED} of {@code sentences}, each with its source and number of articles. */
    private static void listSentences(ArrayNode list, List<Boilerplate.Repeated> sentences) {
        sentences.stream().limit(BOILERPLATE_LISTED).forEach(s -> list.addObject()
                .put("source", s.source()).put("sentence", s.sentence()).put("articles", s.articles()));
    }
}
