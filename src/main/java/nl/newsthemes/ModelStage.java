package nl.newsthemes;

import nl.newsthemes.schema.Decimals;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.features.DistinctiveTerms;
import nl.newsthemes.features.NearDuplicates;
import nl.newsthemes.features.Phrases;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.nightly.ModelStore;
import nl.newsthemes.nightly.UnreadableStateException;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.spark.CachedDatasets;
import nl.newsthemes.topics.LdaInput;
import nl.newsthemes.topics.TopicCoherence;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicLineage;
import nl.newsthemes.topics.TopicMatching;
import nl.newsthemes.topics.TopicModel;
import nl.newsthemes.topics.TopicRegistry;
import nl.newsthemes.topics.TopicStart;
import nl.newsthemes.topics.TopicSweep;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static nl.newsthemes.schema.Columns.COUNTS;
import static nl.newsthemes.schema.Columns.DOC_ID;
import static nl.newsthemes.schema.Columns.MONTH;
import static nl.newsthemes.schema.Columns.TERMS;

/**
 * The corpus-wide model of a full run: phrases, vocabulary, IDF and LDA topics, either fitted anew on this corpus
 * ({@code --model refit}) or taken as saved ({@code --model reuse}: transform only). A refit's topics are matched to
 * the previous model's ({@link TopicMatching}) so that a topic keeps its id from night to night
 * ({@link TopicRegistry}).
 */
final class ModelStage {
    /**
     * What the stage made of the documents, whatever became of the topics.
     *
     * @param analyzed   the analyzed documents with phrases joined (persisted; the caller unpersists)
     * @param duplicates doc_id, duplicate_of, similarity of the near-copies (see {@link NearDuplicates}), which LDA
     *                   does not train on
     * @param counted    doc_id, month and counts of every document (persisted; the caller unpersists): doc_topics
     *                   covers those with a vocabulary word; null without vocabulary
     * @param training   the documents with a vocabulary word, as LDA sees them (persisted; null without vocabulary)
     * @param modelled   rows of {@code training}
     */
    record Features(Dataset<Row> analyzed, Phrases phrases, Vocabulary vocabulary, double[] idf, Dataset<Row> duplicates,
                    Dataset<Row> counted, Dataset<Row> training, long modelled) {
        /** These features without a vocabulary: nothing counted, nothing to model. */
        static Features uncounted(Dataset<Row> analyzed, Phrases phrases, Vocabulary vocabulary, Dataset<Row> duplicates) {
            return new Features(analyzed, phrases, vocabulary, new double[0], duplicates, null, null, 0);
        }
    }

    /**
     * The run's topics.
     *
     * @param count how many, and why that many
     * @param model the topic model under its topics' ids; null when no topics were fitted
     */
    record Topics(TopicCount count, TopicModel model, TopicRegistry registry, TopicLineage lineage, TopicSweep sweep) {
    }

    /** The stage's result: the features, and the topics fitted (or reused) on them. */
    record Result(Features features, Topics topics) {
    }

    private final SparkSession spark;
    private final JobConfig config;
    private final StageTimer timer;
    private final CachedDatasets cached;

    /** @param cached where the stage keeps what it caches, as soon as it does, for the caller to unpersist */
    ModelStage(SparkSession spark, JobConfig config, StageTimer timer, CachedDatasets cached) {
        this.spark = spark;
        this.config = config;
        this.timer = timer;
        this.cached = cached;
    }

    /**
     * @param words    the analyzed documents (persisted); unpersisted here when phrases make a new dataset of them
     * @param loaded   number of documents
     * @param previous the latest saved model, or null
     */
    Result run(Dataset<Row> words, long loaded, ModelStore.Saved previous, String source) {
        Features features = features(words, loaded, previous);
        if (features.vocabulary().size() == 0) {
            return new Result(features, noTopics(TopicCount.choose(config.topics(), 0, 0), source));
        }
        if (config.reuseModel()) {
            return new Result(features, reusedTopics(previous, source));
        }
        TopicCount requested = TopicCount.choose(config.topics(), features.modelled(), features.vocabulary().size());
        if (requested.used() == 0) {
            return new Result(features, noTopics(requested, source));
        }
        return new Result(features, fittedTopics(features, requested, previous, source));
    }

    /** Phrases, near-copies, vocabulary, IDF and LDA's input: learned from the documents, or the saved model's. */
    private Features features(Dataset<Row> words, long loaded, ModelStore.Saved previous) {
        boolean reuse = config.reuseModel();
        Phrases phrases = reuse ? previous.model().phraseModel() : timer.time("phrases", () -> Phrases.learn(words,
                config.phraseMinCount(), config.phraseThreshold(), config.maxPhrases()), p -> p.size() + " phrases");
        Dataset<Row> analyzed = words;
        if (phrases.size() > 0) {
            Dataset<Row> joined = cached.keep(phrases.apply(words));
            // Filled from the cached words before they are dropped: else the first use of the phrased documents would
            // analyze every text again.
            timer.time("phrases-joined", joined::count, n -> n + " documents with their phrases");
            words.unpersist();
            analyzed = joined;
        }
        Dataset<Row> docs = analyzed;
        Dataset<Row> duplicates = timer.time("near-duplicates", () -> NearDuplicates.find(docs,
                config.duplicateSimilarity(), config.seed()), d -> d.count() + " articles are near-copies of an earlier one");
        cached.keep(duplicates);
        Vocabulary vocabulary = reuse ? previous.model().vocabulary() : timer.time("vocabulary", () -> Vocabulary.fit(docs,
                loaded, config.vocabSize(), config.minDocFreq(), config.maxDocFreq()), v -> v.size() + " terms");
        // A corpus of a few articles can leave no term in two documents: then there is nothing to count or model.
        if (vocabulary.size() == 0) {
            return Features.uncounted(analyzed, phrases, vocabulary, duplicates);
        }
        // Counted once for IDF, LDA's input and doc_topics: the vocabulary lookup of every word is not cheap.
        Dataset<Row> counted = cached.keep(vocabulary.countVectorizer().transform(analyzed.select(DOC_ID, MONTH, TERMS))
                .select(DOC_ID, MONTH, COUNTS));
        double[] idf = reuse ? previous.model().idf()
                : timer.time("idf", () -> DistinctiveTerms.idf(counted), w -> w.length + " terms");

        int partitions = LdaInput.partitionsFor(loaded);
        // LDA learns from each story once: a story in ten papers would otherwise weigh ten times.
        Dataset<Row> training = LdaInput.trainingSet(counted.join(duplicates.select(DOC_ID), new String[]{DOC_ID}, "left_anti"),
                partitions);
        cached.keep(training);
        long modelled = timer.time("lda-input", training::count, n -> n + " unique stories with vocabulary words");
        return new Features(analyzed, phrases, vocabulary, idf, duplicates, counted, training, modelled);
    }

    /** The saved model's topics, as they are ({@code --model reuse}). */
    private Topics reusedTopics(ModelStore.Saved previous, String source) {
        TopicModel saved;
        try {
            saved = previous.topicModel(config.topicTermRelevance());
        } catch (UnreadableStateException e) {
            throw ModelStore.reuseRefused(e);
        }
        int topics = saved == null ? 0 : saved.ids().length;
        // A refit later tonight starts where it would without this run (see TopicModel#refitStart).
        TopicModel kept = saved == null ? null : saved.withRefitStart(nightStart(previous, saved));
        return new Topics(previous.model().topics(), kept, previous.model().registry().seenAgain(config.runDate()),
                new TopicLineage(config.model(), source, previous.model().runId(), topics, 0, 0, config.topicMatchSimilarity(),
                        null),
                TopicSweep.none());
    }

    /** Topics fitted anew, with one K or the most coherent of the sweep's, under the ids of the previous ones they match. */
    private Topics fittedTopics(Features features, TopicCount requested, ModelStore.Saved previous, String source) {
        Vocabulary vocabulary = features.vocabulary();
        TopicModel previousTopics = previousTopics(previous);
        TopicStart start = warmStart(previous, previousTopics);
        if (!config.topicsAuto()) {
            // Kept with the model even where its K differs, for a rerun of tonight with another K (see #sweep).
            TopicModel fitted = timer.time("lda", () -> fit(features.training(), features.modelled(), requested.used(),
                            vocabulary, start).withRefitStart(start),
                    m -> requested.used() + " topics on " + features.modelled() + " documents"
                            + startDetail(start, requested.used()));
            return timer.time("topic-ids", () -> withIds(fitted, previous, previousTopics, source, vocabulary, requested,
                    TopicSweep.none()), ModelStage::idsDetail);
        }
        Swept swept = sweep(features, start);
        return timer.time("topic-ids", () -> withIds(swept.model(), previous, previousTopics, source, vocabulary,
                swept.count(), swept.sweep()), ModelStage::idsDetail);
    }

    /**
     * The topics a refit starts from instead of lda_start (a fit of as many topics takes them; see {@link TopicStart}):
     * the previous model's; where a run of this same night saved the previous model, the ones that night's first run
     * started from, so that a rerun gives the same topics (see TopicModel#refitStart); null for a first fit, or with
     * lda_warm_start off.
     */
    private TopicStart warmStart(ModelStore.Saved previous, TopicModel previousTopics) {
        return config.ldaWarmStart() && previousTopics != null ? nightStart(previous, previousTopics) : null;
    }

    /**
     * What a refit of this run's night starts from, given the previous model: its topics, or, where a run of this
     * same night saved it, what that night's first run started from (null where it started as a first fit does).
     */
    private TopicStart nightStart(ModelStore.Saved previous, TopicModel previousTopics) {
        if (!previous.model().runDate().equals(config.runDate())) {
            return TopicStart.of(previous.model().runId(), previousTopics, previous.model().terms());
        }
        try {
            return previous.refitStart();
        } catch (UnreadableStateException e) {
            ModelStore.startPassedOver(e);
            return null;
        }
    }

    /** {@code start} where it has k topics, so that a fit of k topics starts from it; else null. */
    private static TopicStart startFor(TopicStart start, int k) {
        return start != null && start.k() == k ? start : null;
    }

    /** The run whose topics a fit of k topics starts from, or null. */
    private static String startedFrom(TopicStart start, int k) {
        TopicStart used = startFor(start, k);
        return used == null ? null : used.from();
    }

    private static String startDetail(TopicStart start, int k) {
        String from = startedFrom(start, k);
        return from == null ? "" : ", from the topics of run " + from;
    }

    private static String idsDetail(Topics t) {
        return t.lineage().matched() + " topics kept their id, " + t.lineage().added() + " new, "
                + t.lineage().vanished() + " vanished";
    }

    /** The most coherent model of the sweep, how many topics it has and why, and every point tried. */
    private record Swept(TopicModel model, TopicCount count, TopicSweep sweep) {
    }

    /**
     * Fits every number of topics of topic_sweep ({@code --topics auto}) and keeps the most coherent model.
     *
     * @param start where the fit of as many topics starts (see {@link #warmStart}); null where none
     */
    private Swept sweep(Features features, TopicStart start) {
        Dataset<Row> training = features.training();
        long modelled = features.modelled();
        Vocabulary vocabulary = features.vocabulary();
        List<TopicSweep.Point> points = new ArrayList<>();
        List<TopicModel> models = new ArrayList<>();
        for (int candidate : config.topicSweep().stream().map(n -> TopicCount.choose(n, modelled, vocabulary.size()).used())
                .distinct().sorted().toList()) {
            long started = System.nanoTime();
            TopicModel model = timer.time("lda-k" + candidate, () -> fit(training, modelled, candidate, vocabulary, start),
                    m -> candidate + " topics on " + modelled + " documents" + startDetail(start, candidate));
            double npmi = Decimals.round(java.util.Arrays.stream(
                    TopicCoherence.npmi(spark, training, modelled, model.topWords())).average().orElse(0));
            points.add(new TopicSweep.Point(candidate, npmi, Decimals.round((System.nanoTime() - started) / 1e9), false));
            models.add(model);
        }
        int best = TopicSweep.best(points);
        TopicSweep.Point chosen = points.get(best);
        points.set(best, new TopicSweep.Point(chosen.k(), chosen.meanNpmi(), chosen.seconds(), true));
        TopicCount k = new TopicCount(chosen.k(), chosen.k(), String.format(Locale.ROOT,
                "chosen by coherence (--topics auto) from %s: mean NPMI %.3f",
                points.stream().map(p -> String.valueOf(p.k())).toList(), chosen.meanNpmi()));
        // Whichever K wins, a rerun of tonight must sweep from the same start (see TopicModel#refitStart).
        return new Swept(models.get(best).withRefitStart(start), k, new TopicSweep(List.copyOf(points)));
    }

    /** The topics of a run that fitted none. */
    private Topics noTopics(TopicCount count, String source) {
        return new Topics(count, null, TopicRegistry.empty(),
                new TopicLineage(config.model(), source, null, 0, 0, 0, config.topicMatchSimilarity(), null),
                TopicSweep.none());
    }

    /** @param start the topics to start from where it has k of them (see {@link #warmStart}), or null */
    private TopicModel fit(Dataset<Row> training, long modelled, int k, Vocabulary vocabulary, TopicStart start) {
        return TopicModel.fit(spark, training, modelled, k, config.seed(), config.ldaSettings(),
                startFor(start, k), config.topicTerms(), config.topicTermRelevance(), vocabulary);
    }

    /** The previous run's topics for a refit to match, or null; a damaged one is passed over (see ModelStore#latest). */
    private TopicModel previousTopics(ModelStore.Saved previous) {
        try {
            return previous == null ? null : previous.topicModel(config.topicTermRelevance());
        } catch (UnreadableStateException e) {
            ModelStore.passedOver(e);
            return null;
        }
    }

    /** The refit's topics under the ids of the previous topics they match, or new ones. */
    private Topics withIds(TopicModel fitted, ModelStore.Saved previous, TopicModel previousTopics, String source,
                           Vocabulary vocabulary, TopicCount k, TopicSweep sweep) {
        TopicRegistry before = previous == null ? TopicRegistry.empty() : previous.model().registry();
        Map<Integer, TopicMatching.Match> matches = Map.of();
        if (previousTopics != null) {
            List<Map<String, Double>> old = previousTopics.termDistributions(previous.model().terms());
            int[] oldIds = previousTopics.ids();
            Map<Integer, Map<String, Double>> byId = new HashMap<>();
            for (int position = 0; position < oldIds.length; position++) {
                byId.put(oldIds[position], old.get(position));
            }
            matches = TopicMatching.match(byId, fitted.termDistributions(vocabulary.terms()), config.topicMatchSimilarity());
        }
        TopicRegistry.Assigned assigned = before.assign(fitted.labels(), matches, config.runDate());
        int vanished = (int) (before.active().size() - matches.size());
        return new Topics(k, fitted.withIds(assigned.ids()), assigned.registry(), new TopicLineage(config.model(), source,
                previous == null ? null : previous.model().runId(), matches.size(), fitted.labels().size() - matches.size(),
                vanished, config.topicMatchSimilarity(), startedFrom(fitted.refitStart(), k.used())), sweep);
    }
}
