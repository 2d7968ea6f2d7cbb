package nl.newsthemes.config;

import nl.newsthemes.text.Language;
import nl.newsthemes.topics.LdaSettings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The job's settings: bound from the JSON config file ({@code --config}, snake_case keys) with the command-line
 * flags laid over it, then {@link #validate() validated}. Immutable; absent values take the defaults below, chosen
 * to work from a handful of articles up to about a million.
 *
 * @param input              files or folders to read (folders are searched recursively)
 * @param output             folder the tables, manifest and report are published to
 * @param themes             theme file; null means the bundled default ({@code themes/default-themes.json})
 * @param topics             number of LDA topics asked for (reduced for very small corpora, see the manifest)
 * @param seed               seed of every random choice (LDA), so reruns give the same outputs
 * @param master             Spark master; null means the one spark-submit set, else {@code local[*]}
 * @param vocabSize          largest vocabulary, the most frequent terms first
 * @param minDocFreq         a term must appear in at least this many documents (below 1: this share of them)
 * @param maxDocFreq         a term may appear in at most this share of the documents (corpora of 100+ documents)
 * @param minTokenLength     shorter words are dropped
 * @param distinctiveTerms   terms per month in {@code terms_monthly}
 * @param topicTerms         terms per topic in {@code topics}
 * @param ldaMaxIterations   online LDA mini-batch iterations
 * @param shufflePartitions  Spark SQL shuffle partitions; 0 lets the job choose (see ShufflePartitions)
 * @param maxFileBytes       largest text article file, as listed and after gunzip; larger ones are rejected unread
 * @param ldaLearningOffset  online LDA's tau0: mini-batch t weighs (offset + t)^-0.51 against what came before; MLlib's
 *                           1024 makes them weigh 3%, so a few dozen iterations barely move the topics from a random
 *                           start; default 1024 from a k-means start, 1 from a random one
 * @param runDate            the day the run stands for (YYYY-MM-DD; a scheduler passes its logical date), default
 *                           today in UTC: recorded in the manifest and what the refit schedule counts from
 * @param incremental        read only input that is new or changed since the published run, recompute only the
 *                           months it touches (see nightly.IncrementalRun); a full run when there is nothing to add to
 * @param refitDays          an incremental run refits vocabulary, IDF and topics over the whole corpus (a full run)
 *                           once the last full run is this many days before the run date; 0 refits every night
 * @param maxRejectedShare   the quality gate fails the run (exit 3, nothing published) when more than this share of
 *                           the input (files and records) is rejected
 * @param progressSeconds    a progress line is logged every this many seconds while a stage runs
 * @param phraseMinCount     a pair of adjacent content words must occur this often to become a phrase; 0: no phrases
 * @param phraseThreshold    and reach this NPMI over the corpus's word pairs (see features.Phrases)
 * @param maxPhrases         phrases kept at most, the most frequent first
 * @param model              {@code refit}: fit the topic model anew and match its topics to the saved model's, so
 *                           a topic keeps its id; {@code reuse}: use the saved model (phrases, vocabulary, IDF,
 *                           topics) as it is and only transform
 * @param modelDir           a folder where every run's model is kept as a version, and the latest one read from;
 *                           null keeps the model only with the output (in {@code _state/model})
 * @param duplicateSimilarity two articles are near-duplicates when the Jaccard similarity of their shingles (runs of
 *                           three content words) is at least this (see features.NearDuplicates)
 * @param topicTermRelevance how a topic's words are ranked: 1 by probability in the topic, lower values lift words
 *                           that are rarer elsewhere (LDAvis's relevance; see topics.TopicTermRanking)
 * @param ldaOptimizeAlpha   whether online LDA learns the documents' topic concentration (alpha) from the data, or
 *                           keeps MLlib's symmetric 1/K
 * @param ldaStart           where online LDA starts: {@code kmeans}, from a k-means clustering of the documents (stable
 *                           and coherent topics, see topics.KMeansStart), or {@code random}, MLlib's own random start
 * @param ldaStartClusterings k-means clusterings (each from its own seed) whose recurring clusters the {@code kmeans}
 *                           start is made of; 1 starts from a single clustering
 * @param ldaPasses          passes over the corpus that online LDA's mini-batches add up to
 * @param topicsAuto         fit every number of topics of {@code topicSweep} and keep the most coherent model (the
 *                           highest mean NPMI of its topics' top words), instead of {@code topics}
 * @param topicSweep         the numbers of topics {@code topicsAuto} tries
 * @param topicMatchSimilarity a refit's topic keeps the id of the previous topic it matches when the cosine
 *                           similarity of their term distributions is at least this; otherwise it is a new topic
 * @param boilerplateMinArticles a sentence that at least this many articles of a source have, verbatim, is that
 *                           source's boilerplate and is taken out before analysis (see features.Boilerplate); 0 keeps
 *                           every sentence
 * @param boilerplateMinShare and at least this share of the source's articles
 * @param languages          the languages articles are read in (ISO 639-1 codes): each article's language is
 *                           detected and it is analyzed with that language's stopwords and stemmer; the first is for
 *                           articles in any other language or too short to tell. One language: every article is read in
 *                           it, and nothing is detected
 * @param tableFormat        {@code parquet}: Parquet folders, replaced whole by each run; {@code delta}: Delta Lake
 *                           tables, which keep every run as a version (see {@link TableFormat})
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
        Integer boilerplateMinArticles,
        Double boilerplateMinShare,
        List<String> languages,
        String tableFormat) {

    public static final String REFIT = "refit";
    public static final String REUSE = "reuse";
    public static final String KMEANS_START = "kmeans";
    public static final String RANDOM_START = "random";

    public static final String DEFAULT_INPUT = "data/sample";
    public static final String DEFAULT_OUTPUT = "out";

    public JobConfig {
        input = input == null ? List.of(DEFAULT_INPUT) : List.copyOf(input);
        output = output == null ? DEFAULT_OUTPUT : output;
        topics = topics == null ? 10 : topics;
        seed = seed == null ? 1L : seed;
        vocabSize = vocabSize == null ? 20_000 : vocabSize;
        minDocFreq = minDocFreq == null ? 2.0 : minDocFreq;
        maxDocFreq = maxDocFreq == null ? 0.5 : maxDocFreq;
        minTokenLength = minTokenLength == null ? 2 : minTokenLength;
        distinctiveTerms = distinctiveTerms == null ? 20 : distinctiveTerms;
        topicTerms = topicTerms == null ? 10 : topicTerms;
        ldaMaxIterations = ldaMaxIterations == null ? 20 : ldaMaxIterations;
        shufflePartitions = shufflePartitions == null ? 0 : shufflePartitions;
        maxFileBytes = maxFileBytes == null ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
        runDate = runDate == null ? LocalDate.now(ZoneOffset.UTC).toString() : runDate;
        incremental = incremental != null && incremental;
        refitDays = refitDays == null ? 7 : refitDays;
        maxRejectedShare = maxRejectedShare == null ? 0.5 : maxRejectedShare;
        progressSeconds = progressSeconds == null ? 30 : progressSeconds;
        phraseMinCount = phraseMinCount == null ? 20 : phraseMinCount;
        phraseThreshold = phraseThreshold == null ? 0.5 : phraseThreshold;
        maxPhrases = maxPhrases == null ? 2_000 : maxPhrases;
        model = model == null ? REFIT : model;
        topicMatchSimilarity = topicMatchSimilarity == null ? 0.5 : topicMatchSimilarity;
        topicsAuto = topicsAuto != null && topicsAuto;
        // From the k-means start one pass gives the topics two did (NPMI and seed stability alike), in half the time.
        ldaPasses = ldaPasses == null ? 1.0 : ldaPasses;
        duplicateSimilarity = duplicateSimilarity == null ? 0.6 : duplicateSimilarity;
        topicTermRelevance = topicTermRelevance == null ? 0.6 : topicTermRelevance;
        ldaOptimizeAlpha = ldaOptimizeAlpha == null || ldaOptimizeAlpha;
        ldaStart = ldaStart == null ? KMEANS_START : ldaStart;
        ldaLearningOffset = ldaLearningOffset != null ? ldaLearningOffset
                : KMEANS_START.equals(ldaStart) ? KMEANS_START_LEARNING_OFFSET : RANDOM_START_LEARNING_OFFSET;
        ldaStartClusterings = ldaStartClusterings == null ? DEFAULT_LDA_START_CLUSTERINGS : ldaStartClusterings;
        topicSweep = topicSweep == null ? DEFAULT_TOPIC_SWEEP : List.copyOf(topicSweep);
        boilerplateMinArticles = boilerplateMinArticles == null ? DEFAULT_BOILERPLATE_MIN_ARTICLES : boilerplateMinArticles;
        boilerplateMinShare = boilerplateMinShare == null ? DEFAULT_BOILERPLATE_MIN_SHARE : boilerplateMinShare;
        // Not List.copyOf: a null entry is for validate() to name, not a NullPointerException while binding.
        languages = languages == null ? DEFAULT_LANGUAGES : Collections.unmodifiableList(new ArrayList<>(languages));
        tableFormat = tableFormat == null ? TableFormat.PARQUET.code() : tableFormat;
    }

    /** {@link #tableFormat} as the format it names (valid after {@link #validate()}). */
    public TableFormat tables() {
        return TableFormat.byCode(tableFormat).orElseThrow();
    }

    /** Dutch news first: an article too short to tell (a headline) is read as Dutch. */
    public static final List<String> DEFAULT_LANGUAGES = List.of(Language.DUTCH.code(), Language.ENGLISH.code());

    /** {@link #languages} as the analyzers they name (valid after {@link #validate()}). */
    public List<Language> languagesRead() {
        return languages.stream().map(code -> Language.byCode(code).orElseThrow()).toList();
    }

    /**
     * On nl-news-2022 every sentence that this many articles of one source share is a newspaper's own line
     * (newsletters, column introductions, contact addresses), while the sentences of news that its articles repeat
     * stay far below it (README's "What it does to the text" has the measurement).
     */
    public static final int DEFAULT_BOILERPLATE_MIN_ARTICLES = 20;

    /**
     * One article in five hundred: in a corpus of millions, a sentence of news that returns now and then is not taken
     * for boilerplate, while the lines a newspaper adds under a kind of article keep their share.
     */
    public static final double DEFAULT_BOILERPLATE_MIN_SHARE = 0.002;

    /** The numbers of topics {@code --topics auto} tries by default. */
    public static final List<Integer> DEFAULT_TOPIC_SWEEP = List.of(5, 10, 15, 20, 25, 30);

    /** Whether this run uses the saved model as it is (see {@link #model}). */
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

    /** From a random start: gensim's default offset, so the first mini-batches move the topics far from it. */
    public static final double RANDOM_START_LEARNING_OFFSET = 1.0;

    /**
     * From a k-means start: MLlib's own default. The first mini-batch weighs 0.03 instead of 0.70 (at 1), and after
     * one pass of 20 mini-batches the start still makes up about half of each topic: LDA refines the agreed clusters
     * instead of replacing them with what the first mini-batches say, so two starts a little apart do not drift apart
     * (README's "Topics" has the measurement).
     */
    public static final double KMEANS_START_LEARNING_OFFSET = 1024.0;

    /**
     * Twenty clusterings: the clusters that recur across twenty seeds are much the same for any twenty, where ten
     * leave the last few topics to chance (README's "Topics" has the measurement).
     */
    public static final int DEFAULT_LDA_START_CLUSTERINGS = 20;

    /** 64 MiB: a news article is a few kilobytes; a file a thousand times that is not one article. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;

    /** Checks every value; the message names the key (and flag) and says what to change. */
    public JobConfig validate() {
        ConfigException.check(!input.isEmpty(), "input is empty: give --input with at least one file or folder");
        for (String path : input) {
            ConfigException.check(path != null && !path.isBlank(), "input has an empty path: remove it or name a file");
        }
        ConfigException.check(!output.isBlank(), "output is empty: give --output a folder to write to");
        ConfigException.check(themes == null || !themes.isBlank(), "themes is empty: give --themes a theme file or leave it out");
        ConfigException.check(topics >= 2 && topics <= 500, "topics (--topics) must be from 2 to 500, got %d", topics);
        ConfigException.check(vocabSize >= 10 && vocabSize <= 1_000_000,
                "vocab_size must be from 10 to 1000000, got %d", vocabSize);
        ConfigException.check(minDocFreq > 0, "min_doc_freq must be above 0 (a count of documents, or a share below 1), got %s", minDocFreq);
        ConfigException.check(minDocFreq < 1 || minDocFreq == Math.rint(minDocFreq),
                "min_doc_freq of 1 or more is a count of documents and must be whole, got %s", minDocFreq);
        ConfigException.check(maxDocFreq > 0 && maxDocFreq <= 1, "max_doc_freq must be a share above 0 and at most 1, got %s", maxDocFreq);
        ConfigException.check(minTokenLength >= 1 && minTokenLength <= 20, "min_token_length must be from 1 to 20, got %d", minTokenLength);
        ConfigException.check(distinctiveTerms >= 1 && distinctiveTerms <= 1000, "distinctive_terms must be from 1 to 1000, got %d", distinctiveTerms);
        ConfigException.check(topicTerms >= 3 && topicTerms <= 100, "topic_terms must be from 3 to 100, got %d", topicTerms);
        ConfigException.check(ldaMaxIterations >= 1 && ldaMaxIterations <= 10_000, "lda_max_iterations must be from 1 to 10000, got %d", ldaMaxIterations);
        ConfigException.check(shufflePartitions >= 0 && shufflePartitions <= 100_000, "shuffle_partitions must be from 0 (chosen by the job) to 100000, got %d", shufflePartitions);
        ConfigException.check(maxFileBytes >= 1 && maxFileBytes <= (1L << 31) - 1,
                "max_file_bytes must be from 1 to 2147483647 (bytes), got %d", maxFileBytes);
        ConfigException.check(ldaLearningOffset > 0 && ldaLearningOffset <= 1e6,
                "lda_learning_offset must be above 0 and at most 1000000, got %s", ldaLearningOffset);
        ConfigException.check(runDate.matches("\\d{4}-\\d{2}-\\d{2}") && parsesAsDate(runDate),
                "run_date (--run-date) must be a day as YYYY-MM-DD, got '%s'", runDate);
        ConfigException.check(refitDays >= 0 && refitDays <= 3660, "refit_days must be from 0 (refit every run) to 3660, got %d", refitDays);
        ConfigException.check(maxRejectedShare >= 0 && maxRejectedShare <= 1,
                "max_rejected_share must be a share from 0 to 1 (1 never fails on rejects), got %s", maxRejectedShare);
        ConfigException.check(progressSeconds >= 1 && progressSeconds <= 3600, "progress_seconds must be from 1 to 3600, got %d", progressSeconds);
        ConfigException.check(phraseMinCount >= 0 && phraseMinCount <= 1_000_000,
                "phrase_min_count must be from 0 (no phrases) to 1000000, got %d", phraseMinCount);
        ConfigException.check(phraseThreshold > 0 && phraseThreshold < 1,
                "phrase_threshold must be an NPMI above 0 and below 1, got %s", phraseThreshold);
        ConfigException.check(maxPhrases >= 0 && maxPhrases <= 100_000, "max_phrases must be from 0 to 100000, got %d", maxPhrases);
        ConfigException.check(duplicateSimilarity > 0 && duplicateSimilarity <= 1,
                "duplicate_similarity must be a Jaccard similarity above 0 and at most 1, got %s", duplicateSimilarity);
        ConfigException.check(topicTermRelevance >= 0 && topicTermRelevance <= 1,
                "topic_term_relevance must be from 0 to 1 (1 ranks a topic's words by probability alone), got %s", topicTermRelevance);
        ConfigException.check(KMEANS_START.equals(ldaStart) || RANDOM_START.equals(ldaStart),
                "lda_start must be 'kmeans' (start from a k-means clustering of the articles) or 'random' (MLlib's random start), got '%s'", ldaStart);
        ConfigException.check(ldaStartClusterings >= 1 && ldaStartClusterings <= 20,
                "lda_start_clusterings must be from 1 (a single k-means clustering) to 20, got %d", ldaStartClusterings);
        ConfigException.check(ldaPasses > 0 && ldaPasses <= 100, "lda_passes must be above 0 and at most 100, got %s", ldaPasses);
        ConfigException.check(!topicSweep.isEmpty() && topicSweep.stream().allMatch(k -> k != null && k >= 2 && k <= 500),
                "topic_sweep must list numbers of topics from 2 to 500, got %s", topicSweep);
        ConfigException.check(!(topicsAuto && REUSE.equals(model)),
                "--topics auto fits models to choose from, and --model reuse fits none: use one of them");
        ConfigException.check(REFIT.equals(model) || REUSE.equals(model),
                "model (--model) must be 'refit' (fit anew, keep topic ids by matching) or 'reuse' (transform with the saved model), got '%s'", model);
        ConfigException.check(modelDir == null || !modelDir.isBlank(), "model_dir (--model-dir) is empty: give a folder or leave it out");
        ConfigException.check(topicMatchSimilarity > 0 && topicMatchSimilarity <= 1,
                "topic_match_similarity must be a cosine similarity above 0 and at most 1, got %s", topicMatchSimilarity);
        ConfigException.check(boilerplateMinArticles == 0 || boilerplateMinArticles >= 2 && boilerplateMinArticles <= 1_000_000_000,
                "boilerplate_min_articles must be 0 (keep every sentence) or from 2 to 1000000000 articles, got %d", boilerplateMinArticles);
        ConfigException.check(boilerplateMinShare >= 0 && boilerplateMinShare <= 1,
                "boilerplate_min_share must be a share of a source's articles from 0 to 1, got %s", boilerplateMinShare);
        ConfigException.check(!languages.isEmpty(), "languages is empty: list the languages to read, from %s (the first "
                + "also reads articles in other languages)", Language.codes());
        for (String code : languages) {
            ConfigException.check(code != null && Language.byCode(code).isPresent(),
                    "languages: '%s' is not a language the job can read; use the lower-case codes %s", code, Language.codes());
        }
        ConfigException.check(new HashSet<>(languages).size() == languages.size(),
                "languages lists a language twice: %s; list each once", languages);
        ConfigException.check(TableFormat.byCode(tableFormat).isPresent(),
                "table_format (--table-format) must be one of %s, got '%s'", TableFormat.codes(), tableFormat);
        ConfigException.check(master == null || !master.isBlank(), "master is empty: give --master a Spark master URL such as local[*] or spark://host:7077");
        return this;
    }

    private static boolean parsesAsDate(String day) {
        try {
            LocalDate.parse(day);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
