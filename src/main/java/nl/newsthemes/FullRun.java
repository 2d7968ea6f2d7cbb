package nl.newsthemes;

import nl.newsthemes.analysis.AnalyzeDocuments;
import nl.newsthemes.analysis.ArticleTables;
import nl.newsthemes.analysis.DocumentTables;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.ingest.Corpus;
import nl.newsthemes.ingest.CorpusReader;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.ingest.InputFilesTable;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.nightly.CorpusState;
import nl.newsthemes.nightly.ModelStore;
import nl.newsthemes.nightly.NightlyPlan;
import nl.newsthemes.nightly.RunMode;
import nl.newsthemes.nightly.RunStaging;
import nl.newsthemes.nightly.SavedModel;
import nl.newsthemes.nightly.StagedRun;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.output.TableWriter;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.spark.CachedDatasets;
import nl.newsthemes.themes.ThemeMatchers;
import nl.newsthemes.topics.LdaInput;
import nl.newsthemes.topics.TopicCoherence;
import nl.newsthemes.topics.TopicModel;
import nl.newsthemes.topics.TopicQuality;
import nl.newsthemes.topics.TopicTables;
import nl.newsthemes.topics.TopicThemes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static nl.newsthemes.schema.Columns.*;
import static nl.newsthemes.schema.Tables.*;

/**
 * A run that reads every input file and computes every table: the articles analyzed once, the corpus-wide model
 * ({@link ModelStage}), the article tables ({@link ArticleTables}, as an incremental run assembles them) and the
 * topic tables. It saves the corpus state and the model that incremental runs and later refits build on.
 */
final class FullRun implements RunStaging {
    private final SparkSession spark;
    private final JobConfig config;
    private final ThemeMatchers matchers;
    private final StageTimer timer;
    private final OutputFolder out;
    private final NightlyPlan plan;
    private final ModelStore store;
    private final CachedDatasets cached = new CachedDatasets();

    FullRun(SparkSession spark, JobConfig config, ThemeMatchers matchers, StageTimer timer, OutputFolder out, NightlyPlan plan,
            ModelStore store) {
        this.spark = spark;
        this.config = config;
        this.matchers = matchers;
        this.timer = timer;
        this.out = out;
        this.plan = plan;
        this.store = store;
    }

    /** The corpus as read and analyzed, before the corpus-wide model. */
    private record Analyzed(Corpus corpus, Ingested ingested, Boilerplate boilerplate, Dataset<Row> words,
                            DocumentTables.Totals totals) {
    }

    /** The run's topics as tables need them; all null when no topics were fitted. */
    private record TopicResults(TopicModel model, Dataset<Row> docTopics, TopicQuality quality) {
    }

    @Override
    public StagedRun stage(InputListing listing, String runId) {
        try {
            return stageAll(listing, runId);
        } finally {
            cached.unpersistAll();
        }
    }

    private StagedRun stageAll(InputListing listing, String runId) {
        Analyzed read = readAndAnalyze(listing);
        ModelStore.Saved previous = config.reuseModel() ? store.required(config.languages()) : store.latest();
        ModelStage.Result fit = new ModelStage(spark, config, timer, cached).run(read.words(),
                read.ingested().loaded(), previous, store.location());
        ModelStage.Features features = fit.features();
        ArticleTables.Tables tables = ArticleTables.assemble(spark, features.analyzed(), features.duplicates(),
                new ArticleTables.TermWeights(features.vocabulary(), features.idf(), config.distinctiveTerms()),
                ArticleTables.Kept.NOTHING, CorpusState.DOC_TERMS_PATH, UnaryOperator.identity());
        TopicResults topics = topicResults(fit, tables.docThemes());
        long nearDuplicates = features.duplicates().count();
        TableWriter writer = write(listing, read.corpus(), tables, fit.topics(), topics);

        SavedModel saved = savedModel(runId, read.boilerplate(), fit, topics);
        timer.time("state", () -> {
            CorpusState.writeFull(out, tables.docTerms(), saved, topics.model(),
                    plan.watermark(runId, config.runDate(), runId, config.runDate(), listing));
            store.stage(saved, topics.model(), runId);
            return 0;
        }, x -> "watermark, document terms, model");
        List<String> months = List.copyOf(read.ingested().byMonth().keySet());
        RunMode mode = RunMode.full(plan.fullReason(), plan.changes(), months, runId, config.runDate(), config.refitDays());
        return StagedRun.of(read.ingested(), read.totals(), nearDuplicates,
                StagedRun.Model.of(saved, fit.topics().lineage()), writer, mode);
    }

    /** Reads every file, learns the boilerplate and analyzes each article once (cached for what follows). */
    private Analyzed readAndAnalyze(InputListing listing) {
        Corpus corpus = timer.time("ingest", () -> CorpusReader.read(spark, listing, config.maxFileBytes()), c -> "");
        cached.keep(corpus.cached());
        Ingested ingested = timer.time("count", () -> Ingested.count(corpus),
                i -> i.loaded() + " articles, " + i.rejected() + " rejects");
        Boilerplate boilerplate = timer.time("boilerplate", () -> AnalyzeDocuments.learnBoilerplate(corpus.articles(),
                        ingested.loaded(), config, matchers),
                b -> b.size() + " sentences that many articles of their source repeat, "
                        + b.themeStatements().size() + " more kept for the theme words in them");
        Dataset<Row> words = cached.keep(AnalyzeDocuments.apply(corpus.articles(), boilerplate, matchers));
        DocumentTables.Totals totals = timer.time("text", () -> DocumentTables.totals(words, boilerplate),
                t -> t.contentWords() + " content words; " + t.boilerplate().sentences()
                        + " boilerplate sentences taken out of " + t.boilerplate().articles() + " articles; articles by language "
                        + t.articlesByLanguage());
        return new Analyzed(corpus, ingested, boilerplate, words, totals);
    }

    /** Each document's topics, the topics' quality, and the closest theme of each topic. */
    private TopicResults topicResults(ModelStage.Result fit, Dataset<Row> docThemes) {
        TopicModel fitted = fit.topics().model();
        if (fitted == null) {
            return new TopicResults(null, null, null);
        }
        ModelStage.Features features = fit.features();
        Dataset<Row> docTopics = cached.keep(fitted.docTopics(LdaInput.withWords(features.counted())));
        TopicQuality quality = timer.time("topic-quality", () -> topicQuality(fitted, features.training(), features.modelled()),
                q -> String.format(Locale.ROOT, "mean NPMI %.3f, log perplexity %.3f on %d documents",
                        q.meanNpmi(), q.logPerplexity(), q.perplexityDocuments()));
        TopicModel model = timer.time("topic-themes", () -> fitted.scored(
                quality.npmi().stream().mapToDouble(Double::doubleValue).toArray(),
                TopicThemes.closest(docTopics, docThemes, fitted.sortedIds())), m -> "closest theme of each topic");
        return new TopicResults(model, docTopics, quality);
    }

    /** Coherence of every topic, and log perplexity on a seeded sample of at most PERPLEXITY_SAMPLE documents. */
    private TopicQuality topicQuality(TopicModel model, Dataset<Row> trainingSet, long modelled) {
        double[] npmi = TopicCoherence.npmi(spark, trainingSet, modelled, model.topWords());
        double fraction = Math.min(1.0, (double) TopicQuality.PERPLEXITY_SAMPLE / modelled);
        Dataset<Row> sample = fraction >= 1.0 ? trainingSet : trainingSet.sample(false, fraction, config.seed());
        long sampled = fraction >= 1.0 ? modelled : sample.count();
        return TopicQuality.of(npmi, model.logPerplexity(sample), sampled);
    }

    /** Writes every table into the staging folder, side by side (see {@link TableWriter#writeAll}). */
    private TableWriter write(InputListing listing, Corpus corpus, ArticleTables.Tables tables, ModelStage.Topics fitted,
                              TopicResults topics) {
        TopicModel model = topics.model();
        TableWriter writer = new TableWriter(out.staging(), out.fileSystem());
        timer.time("write", () -> {
            writer.writeAll(List.of(
                    new TableWriter.Table(THEME_MONTHLY, tables.themeMonthly(), MONTH, THEME),
                    new TableWriter.Table(THEME_SOURCE_MONTHLY, tables.themeSourceMonthly(), MONTH, SOURCE, THEME),
                    new TableWriter.Table(DOC_THEMES, tables.docThemes(), DOC_ID, THEME),
                    new TableWriter.Table(TERMS_MONTHLY, tables.termsMonthly(), MONTH, RANK),
                    new TableWriter.Table(TOPICS, model != null ? model.topics(spark) : TopicTables.noTopics(spark), TOPIC, RANK),
                    new TableWriter.Table(DOC_TOPICS, model != null ? topics.docTopics()
                            : TopicTables.empty(spark, TopicTables.DOC_TOPICS), DOC_ID),
                    new TableWriter.Table(TOPIC_MONTHLY, model != null ? model.monthly(spark, topics.docTopics())
                            : TopicTables.empty(spark, TopicTables.TOPIC_MONTHLY), MONTH, TOPIC),
                    new TableWriter.Table(TOPIC_REGISTRY, fitted.registry().table(spark), TOPIC),
                    new TableWriter.Table(TOPIC_SWEEP, fitted.sweep().table(spark), K),
                    new TableWriter.Table(DOCUMENTS, tables.documents(), DOC_ID),
                    new TableWriter.Table(REJECTS, corpus.rejects(), PATH, RECORD, REASON),
                    new TableWriter.Table(INPUT_FILES, InputFilesTable.of(spark, listing, corpus.fileCounts()), PATH)));
            return writer.rowCounts();
        }, counts -> counts.size() + " tables");
        return writer;
    }

    private SavedModel savedModel(String runId, Boilerplate boilerplate, ModelStage.Result fit, TopicResults topics) {
        ModelStage.Features features = fit.features();
        return SavedModel.fittedBy(runId, config.runDate())
                .phrases(features.phrases())
                .vocabulary(features.vocabulary(), features.idf())
                .topics(fit.topics().count(), features.modelled(), topics.model(), topics.quality(), fit.topics().registry())
                .readWith(boilerplate, config.languages())
                .build();
    }
}
