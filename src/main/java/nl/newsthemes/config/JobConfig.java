package nl.newsthemes.config;

import nl.newsthemes.text.Language;
import nl.newsthemes.topics.LdaSettings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static nl.newsthemes.config.Options.*;

/**
 * The job's settings: bound from the JSON config file ({@code --config}, snake_case keys) with the command-line
 * flags laid over it, then {@link #validate() validated}. Immutable. Each component is the {@link Option} of the same
 * name in {@link Options}, where its meaning, default and check are defined; absent values take those defaults.
 */
public record JobConfig(
        List<String> input,
        String output,
        String themes,
        Integer topics,
        Long seed,
        String master,
        Integer vocabSize,
        Double minDocFreq,
        Double maxDocFreq,
        Integer minTokenLength,
        Integer distinctiveTerms,
        Integer topicTerms,
        Integer ldaMaxIterations,
        Integer shufflePartitions,
        Long maxFileBytes,
        Double ldaLearningOffset,
        String runDate,
        Boolean incremental,
        Integer refitDays,
        Double maxRejectedShare,
        Integer progressSeconds,
        Integer phraseMinCount,
        Double phraseThreshold,
        Integer maxPhrases,
        String model,
        String modelDir,
        Double topicMatchSimilarity,
        Boolean topicsAuto,
        List<Integer> topicSweep,
        Double ldaPasses,
        Double duplicateSimilarity,
        Double topicTermRelevance,
        Boolean ldaOptimizeAlpha,
        String ldaStart,
        Integer ldaStartClusterings,
        Boolean ldaWarmStart,
        Integer boilerplateMinArticles,
        Double boilerplateMinShare,
        List<String> languages,
        String tableFormat) {

    public JobConfig {
        input = input == null ? INPUT.defaultValue() : List.copyOf(input);
        output = OUTPUT.or(output);
        topics = TOPICS.or(topics);
        seed = SEED.or(seed);
        vocabSize = VOCAB_SIZE.or(vocabSize);
        minDocFreq = MIN_DOC_FREQ.or(minDocFreq);
        maxDocFreq = MAX_DOC_FREQ.or(maxDocFreq);
        minTokenLength = MIN_TOKEN_LENGTH.or(minTokenLength);
        distinctiveTerms = DISTINCTIVE_TERMS.or(distinctiveTerms);
        topicTerms = TOPIC_TERMS.or(topicTerms);
        ldaMaxIterations = LDA_MAX_ITERATIONS.or(ldaMaxIterations);
        shufflePartitions = SHUFFLE_PARTITIONS.or(shufflePartitions);
        maxFileBytes = MAX_FILE_BYTES.or(maxFileBytes);
        runDate = RUN_DATE.or(runDate);
        incremental = INCREMENTAL.or(incremental);
        refitDays = REFIT_DAYS.or(refitDays);
        maxRejectedShare = MAX_REJECTED_SHARE.or(maxRejectedShare);
        progressSeconds = PROGRESS_SECONDS.or(progressSeconds);
        phraseMinCount = PHRASE_MIN_COUNT.or(phraseMinCount);
        phraseThreshold = PHRASE_THRESHOLD.or(phraseThreshold);
        maxPhrases = MAX_PHRASES.or(maxPhrases);
        model = MODEL.or(model);
        topicMatchSimilarity = TOPIC_MATCH_SIMILARITY.or(topicMatchSimilarity);
        topicsAuto = TOPICS_AUTO.or(topicsAuto);
        ldaPasses = LDA_PASSES.or(ldaPasses);
        duplicateSimilarity = DUPLICATE_SIMILARITY.or(duplicateSimilarity);
        topicTermRelevance = TOPIC_TERM_RELEVANCE.or(topicTermRelevance);
        ldaOptimizeAlpha = LDA_OPTIMIZE_ALPHA.or(ldaOptimizeAlpha);
        ldaStart = LDA_START.or(ldaStart);
        ldaLearningOffset = ldaLearningOffset != null ? ldaLearningOffset : learningOffsetFor(ldaStart);
        ldaStartClusterings = LDA_START_CLUSTERINGS.or(ldaStartClusterings);
        ldaWarmStart = LDA_WARM_START.or(ldaWarmStart);
        topicSweep = topicSweep == null ? TOPIC_SWEEP.defaultValue() : List.copyOf(topicSweep);
        boilerplateMinArticles = BOILERPLATE_MIN_ARTICLES.or(boilerplateMinArticles);
        boilerplateMinShare = BOILERPLATE_MIN_SHARE.or(boilerplateMinShare);
        // Not List.copyOf: a null entry is for validate() to name, not a NullPointerException while binding.
        languages = languages == null ? LANGUAGES.defaultValue() : Collections.unmodifiableList(new ArrayList<>(languages));
        tableFormat = TABLE_FORMAT.or(tableFormat);
    }

    /** Checks every value; the message names the key (and flag) and says what to change. */
    public JobConfig validate() {
        ALL.forEach(option -> option.check(this));
        return this;
    }

    /** {@link #tableFormat} as the format it names (valid after {@link #validate()}). */
    public TableFormat tables() {
        return TableFormat.byCode(tableFormat).orElseThrow();
    }

    /** {@link #languages} as the analyzers they name (valid after {@link #validate()}). */
    public List<Language> languagesRead() {
        return languages.stream().map(code -> Language.byCode(code).orElseThrow()).toList();
    }

    /** Whether this run uses the saved model as it is (see {@link Options#MODEL}). */
    public boolean reuseModel() {
        return REUSE.equals(model);
    }

    /** How online LDA fits. */
    public LdaSettings ldaSettings() {
        return new LdaSettings(ldaMaxIterations, ldaPasses, ldaLearningOffset, ldaOptimizeAlpha, KMEANS_START.equals(ldaStart),
                ldaStartClusterings);
    }

    /** {@link #runDate} as a date (valid after {@link #validate()}). */
    public LocalDate runDay() {
        return LocalDate.parse(runDate);
    }
}
