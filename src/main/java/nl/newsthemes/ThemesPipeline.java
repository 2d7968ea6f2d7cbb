package nl.newsthemes;

import nl.newsthemes.analysis.AnalyzeDocuments;
import nl.newsthemes.analysis.DocumentTables;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.TableFormat;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.features.DistinctiveTerms;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.ingest.Corpus;
import nl.newsthemes.ingest.CorpusReader;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.ingest.InputFile;
import nl.newsthemes.ingest.InputFilesTable;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.nightly.CorpusState;
import nl.newsthemes.nightly.IncrementalRun;
import nl.newsthemes.nightly.ModelStore;
import nl.newsthemes.nightly.NightlyPlan;
import nl.newsthemes.nightly.QualityGate;
import nl.newsthemes.nightly.QualityGateException;
import nl.newsthemes.nightly.RunMode;
import nl.newsthemes.nightly.SavedModel;
import nl.newsthemes.nightly.StagedRun;
import nl.newsthemes.nightly.Watermark;
import nl.newsthemes.output.DeltaTables;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.output.TableWriter;
import nl.newsthemes.report.RunManifest;
import nl.newsthemes.report.RunReport;
import nl.newsthemes.report.RunSummary;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.spark.NioLocalFileSystem;
import nl.newsthemes.spark.RunSettings;
import nl.newsthemes.themes.ThemeMatchers;
import nl.newsthemes.themes.ThemeTables;
import nl.newsthemes.topics.LdaInput;
import nl.newsthemes.topics.TopicCoherence;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicLineage;
import nl.newsthemes.topics.TopicModel;
import nl.newsthemes.topics.TopicQuality;
import nl.newsthemes.topics.TopicTables;
import nl.newsthemes.topics.TopicThemes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static nl.newsthemes.schema.Columns.*;
import static nl.newsthemes.schema.Tables.*;
import static org.apache.spark.sql.functions.*;

/**
 * The job, top to bottom: list and read the input (every file and record accounted for), analyze the Dutch text
 * once, build the vocabulary, TF-IDF distinctive terms per month, LDA topics, theme matches, then write every table
 * into a staging folder, check it ({@link QualityGate}) and publish it with the manifest and report. Any failure
 * leaves the previous output as it was (see {@link OutputFolder}). An incremental run ({@link IncrementalRun})
 * stages the same tables from the published run and the input that changed since.
 */
public final class ThemesPipeline {

    private final SparkSession spark;
    private final JobConfig config;
    private final ThemeSet themes;
    private final ThemeMatchers matchers;
    private final StageTimer timer = new StageTimer();

    /** @param matchers {@code themes} compiled for the languages of {@code config} (see {@link ThemeMatchers#compile}) */
    public ThemesPipeline(SparkSession spark, JobConfig config, ThemeSet themes, ThemeMatchers matchers) {
        this.spark = spark;
        this.config = config;
        this.themes = themes;
        this.matchers = matchers;
    }

    public RunSummary run() {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        var hadoopConf = spark.sparkContext().hadoopConfiguration();
        NioLocalFileSystem.useFor(hadoopConf);
        InputListing listing = timer.time("list", () -> InputListing.list(config.input(), hadoopConf),
                l -> l.files().size() + " files, " + l.skipped().size() + " metadata files skipped");
        try (RunSettings sized = RunSettings.sizeTo(spark, listing.bytes())) {
            return run(started, runId, listing, hadoopConf);
        }
    }

    private RunSummary run(Instant started, String runId, InputListing listing, org.apache.hadoop.conf.Configuration hadoopConf) {
        OutputFolder out = OutputFolder.prepare(config.output(), config.input(), runId, hadoopConf, config.tables());
        boolean delta = config.tables() == TableFormat.DELTA;
        try (ProgressLog progress = ProgressLog.start(spark, timer, config.progressSeconds())) {
            if (delta) {
                timer.time("delta-recover", () -> {
                    DeltaTables.recover(spark, out);
                    return 0;
                }, x -> "every Delta table at the version the published manifest names");
            }
            ModelStore models = ModelStore.of(config.modelDir(), out, hadoopConf);
            NightlyPlan plan = NightlyPlan.decide(config, Watermark.fingerprint(config, themes), out, listing);
            StagedRun staged = plan.incremental()
                    ? new IncrementalRun(spark, config, matchers, timer, out, plan).stage(listing, runId)
                    : stageFullRun(listing, out, runId, plan, models);
            QualityGate gate = timer.time("quality-gate", () -> QualityGate.check(spark, out.staging(), listing,
                    themes.names(), config.maxRejectedShare()), g -> g.passed() ? "passed"
                    : "FAILED: " + g.failed().stream().map(QualityGate.Check::name).toList());
            RunSummary checked = new RunSummary(runId, started, Instant.now(), config, themes, listing, staged,
                    timer.stages(), out.target().toString(), gate, Map.of());
            if (!gate.passed()) {
                throw new QualityGateException(gate);
            }
            RunSummary summary = !delta ? checked : checked.withTableVersions(timer.time("delta-commit",
                    () -> DeltaTables.commit(spark, out, staged.tableChanges(), runId), v -> "versions " + v));
            timer.time("report", () -> {
                RunReport.write(spark, out.staging(), out.fileSystem(), summary);
                RunManifest.write(out.staging(), out.fileSystem(), summary.finishedNow(timer.stages()));
                return 0;
            }, x -> "manifest.json, report.md, report.html");
            out.publish();
            if (!plan.incremental()) {
                // Only a published run's model becomes the one the next run reads from the model folder.
                models.publish(runId);
            }
            return summary.finishedNow(timer.stages());
        } catch (Exception | Error e) { // Exception: a failed Spark job throws SparkException, undeclared (Scala)
            if (delta) {
                try {
                    DeltaTables.recover(spark, out); // back to the versions the published manifest names
                } catch (RuntimeException | Error undo) {
                    // The next run undoes it then (see DeltaTables#recover); the run's own failure is what to report.
                    e.addSuppressed(undo);
                }
            }
            out.discard();
            throw e;
        } finally {
            out.release();
        }
    }

    /** Reads every input file and computes every table; saves the corpus state that incremental runs build on. */
    private StagedRun stageFullRun(InputListing listing, OutputFolder out, String runId, NightlyPlan plan, ModelStore store) {
        Corpus corpus = null;
        Dataset<Row> analyzed = null;
        Dataset<Row> training = null;
        Dataset<Row> persistedTopics = null;
        Dataset<Row> counted = null;
        try {
            Corpus read = timer.time("ingest", () -> CorpusReader.read(spark, listing, config.maxFileBytes()), c -> "");
            corpus = read;
            Ingested ingested = timer.time("count", () -> Ingested.count(read),
                    i -> i.loaded() + " articles, " + i.rejected() + " rejects");

            Boilerplate boilerplate = timer.time("boilerplate", () -> AnalyzeDocuments.learnBoilerplate(read.articles(),
                    config, matchers),
                    b -> b.size() + " sentences that many articles of their source repeat, "
                            + b.themeStatements().size() + " more kept for the theme words in them");
            Dataset<Row> words = AnalyzeDocuments.apply(read.articles(), boilerplate, matchers)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            analyzed = words;
            DocumentTables.Totals totals = timer.time("text", () -> DocumentTables.totals(words, boilerplate),
                    t -> t.contentWords() + " content words; " + t.boilerplate().sentences()
                            + " boilerplate sentences taken out of " + t.boilerplate().articles() + " articles; articles by language "
                            + t.articlesByLanguage());

            ModelStore.Saved previous = config.reuseModel() ? store.required(config.languages()) : store.latest();
            ModelStage.Result fit = new ModelStage(spark, config, timer).run(words, ingested.loaded(), previous,
                    store.location());
            ModelStage.Features features = fit.features();
            ModelStage.Topics topics = fit.topics();
            Dataset<Row> analyzedDocs = features.analyzed();
            analyzed = analyzedDocs;
            training = features.training();
            counted = features.counted();
            Vocabulary vocabulary = features.vocabulary();
            Dataset<Row> termsMonthly = DistinctiveTerms.perMonth(spark, analyzedDocs, vocabulary, features.idf(), config.distinctiveTerms());
            long modelled = features.modelled();
            TopicModel fitted = topics.model();

            Dataset<Row> docThemes = ThemeTables.docThemes(analyzedDocs);
            Dataset<Row> docTopics = fitted == null ? null : fitted.docTopics(LdaInput.withWords(counted)).persist(StorageLevel.MEMORY_AND_DISK());
            persistedTopics = docTopics;
            TopicQuality quality = fitted == null ? null : timer.time("topic-quality",
                    () -> topicQuality(fitted, features.training(), modelled),
                    q -> String.format(java.util.Locale.ROOT, "mean NPMI %.3f, log perplexity %.3f on %d documents",
                            q.meanNpmi(), q.logPerplexity(), q.perplexityDocuments()));
            TopicModel model = fitted == null ? null : timer.time("topic-themes", () -> fitted.scored(
                    quality.npmi().stream().mapToDouble(Double::doubleValue).toArray(),
                    TopicThemes.closest(docTopics, docThemes, fitted.sortedIds())), m -> "closest theme of each topic");

            Dataset<Row> documents = DocumentTables.documents(analyzedDocs, features.duplicates());
            long nearDuplicates = features.duplicates().count();
            TableWriter writer = new TableWriter(out.staging(), out.fileSystem());
            timer.time("write", () -> {
                writer.writeAll(List.of(
                        new TableWriter.Table(THEME_MONTHLY, ThemeTables.monthly(docThemes, features.duplicates()), MONTH, THEME),
                        new TableWriter.Table(THEME_SOURCE_MONTHLY, ThemeTables.sourceMonthly(docThemes, documents),
                                MONTH, SOURCE, THEME),
                        new TableWriter.Table(DOC_THEMES, docThemes, DOC_ID, THEME),
                        new TableWriter.Table(TERMS_MONTHLY, termsMonthly, MONTH, RANK),
                        new TableWriter.Table(TOPICS, model != null ? model.topics(spark) : TopicTables.noTopics(spark),
                                TOPIC, RANK),
                        new TableWriter.Table(DOC_TOPICS, model != null ? docTopics
                                : TopicTables.empty(spark, TopicTables.DOC_TOPICS), DOC_ID),
                        new TableWriter.Table(TOPIC_MONTHLY, model != null ? model.monthly(spark, docTopics)
                                : TopicTables.empty(spark, TopicTables.TOPIC_MONTHLY), MONTH, TOPIC),
                        new TableWriter.Table(TOPIC_REGISTRY, topics.registry().table(spark), TOPIC),
                        new TableWriter.Table(TOPIC_SWEEP, topics.sweep().table(spark), K),
                        new TableWriter.Table(DOCUMENTS, documents, DOC_ID),
                        new TableWriter.Table(REJECTS, read.rejects(), PATH, RECORD, REASON),
                        new TableWriter.Table(INPUT_FILES, InputFilesTable.of(spark, listing, read.fileCounts()), PATH)));
                return writer.rowCounts();
            }, counts -> counts.size() + " tables");

            TopicCount k = topics.count();
            SavedModel saved = new SavedModel(runId, config.runDate(), features.phrases().pairs(), vocabulary.terms(),
                    vocabulary.surfaces(), vocabulary.docFreqs(), features.idf(), k, modelled,
                    model == null ? 0.0 : model.subsamplingRate(), model == null ? List.of() : model.topicTerms(), quality,
                    model == null ? List.of() : java.util.Arrays.stream(model.ids()).boxed().toList(), topics.registry(),
                    boilerplate, config.languages());
            timer.time("state", () -> {
                CorpusState.writeFull(out, DocumentTables.docTerms(analyzedDocs), saved, model,
                        plan.watermark(runId, config.runDate(), runId, config.runDate(), listing));
                store.stage(saved, model, runId);
                return 0;
            }, x -> "watermark, document terms, model");
            List<String> months = List.copyOf(ingested.byMonth().keySet());
            RunMode mode = RunMode.full(plan.fullReason(), plan.changes(), months, runId, config.runDate(), config.refitDays());
            return new StagedRun(ingested, totals, vocabulary.size(), k, saved.subsamplingRate(), modelled, quality,
                    topics.lineage(), nearDuplicates, writer.rowCounts(), mode, writer.changes());
        } finally {
            if (persistedTopics != null) {
                persistedTopics.unpersist();
            }
            if (training != null) {
                training.unpersist();
            }
            if (counted != null) {
                counted.unpersist();
            }
            if (analyzed != null) {
                analyzed.unpersist();
            }
            if (corpus != null) {
                corpus.cached().unpersist();
            }
        }
    }

    /** Coherence of every topic, and log perplexity on a seeded sample of at most PERPLEXITY_SAMPLE documents. */
    private TopicQuality topicQuality(TopicModel model, Dataset<Row> trainingSet, long modelled) {
        double[] npmi = TopicCoherence.npmi(spark, trainingSet, modelled, model.topWords());
        double fraction = Math.min(1.0, (double) TopicQuality.PERPLEXITY_SAMPLE / modelled);
        Dataset<Row> sample = fraction >= 1.0 ? trainingSet : trainingSet.sample(false, fraction, config.seed());
        long sampled = fraction >= 1.0 ? modelled : sample.count();
        return TopicQuality.of(npmi, model.logPerplexity(sample), sampled);
    }

}
