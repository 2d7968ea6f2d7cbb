package nl.newsthemes.config;

import nl.newsthemes.text.Language;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;

import static nl.newsthemes.config.Option.FlagValue.PATHS;
import static nl.newsthemes.config.Option.FlagValue.SWITCH;
import static nl.newsthemes.config.Option.FlagValue.TEXT;
import static nl.newsthemes.config.Option.FlagValue.WHOLE_NUMBER;

/**
 * Every setting of the job, each defined once: config key, default, meaning, the values it takes and its flag. The
 * defaults are chosen to work from a handful of articles up to about a million; where a default was measured, README
 * gives the measurement.
 */
public final class Options {
    public static final String REFIT = "refit";
    public static final String REUSE = "reuse";
    public static final String KMEANS_START = "kmeans";
    public static final String RANDOM_START = "random";

    /** From a random start: gensim's default offset, so the first mini-batches move the topics far from it. */
    static final double RANDOM_START_LEARNING_OFFSET = 1.0;

    /**
     * From a k-means start: MLlib's own default. The first mini-batch weighs 0.03 instead of 0.70 (at 1), so LDA
     * refines the agreed clusters instead of replacing them with what the first mini-batches say, and two starts a
     * little apart do not drift apart (README's "Topics").
     */
    static final double KMEANS_START_LEARNING_OFFSET = 1024.0;

    private Options() {
    }

    public static final Option<List<String>> INPUT = Option.of("input", JobConfig::input, List.of("data/sample"),
                    "files or folders to read (folders are searched recursively)")
            .must(paths -> !paths.isEmpty(), paths -> "input is empty: give --input with at least one file or folder")
            .must(paths -> paths.stream().allMatch(p -> p != null && !p.isBlank()),
                    paths -> "input has an empty path: remove it or name a file")
            .shownAs("data/sample")
            .flag("--input", "PATH ...", PATHS,
                    "files or folders: .txt/.txt.gz with a 'date YYYY-MM' header, .jsonl(.gz), .csv, .parquet");

    public static final Option<String> OUTPUT = Option.of("output", JobConfig::output, "out",
                    "folder the tables, manifest and report are published to")
            .must(dir -> !dir.isBlank(), dir -> "output is empty: give --output a folder to write to")
            .flag("--output", "DIR", TEXT, "where the tables, manifest.json, report.html and report.md go");

    public static final Option<String> THEMES = Option.of("themes", JobConfig::themes, (String) null,
                    "theme file; none means the bundled default")
            .notBlankWhenGiven("give --themes a theme file or leave it out")
            .shownAs("the bundled " + ThemeSet.DEFAULT_RESOURCE.substring(1))
            .flag("--themes", "FILE", TEXT, "theme definitions");

    public static final Option<Integer> TOPICS = Option.of("topics", JobConfig::topics, 10,
                    "number of LDA topics asked for (reduced for very small corpora, see the manifest)")
            .from(2, 500)
            .flag("--topics", "K|auto", WHOLE_NUMBER,
                    "number of LDA topics; auto: fit each number of topic_sweep and keep the most coherent");

    public static final Option<Long> SEED = Option.of("seed", JobConfig::seed, 1L,
                    "seed of every random choice (LDA, k-means, near-copies), so reruns give the same outputs")
            .flag("--seed", "N", WHOLE_NUMBER, "random seed");

    public static final Option<String> MASTER = Option.of("master", JobConfig::master, (String) null,
                    "Spark master; none means the one spark-submit set, else local[*]")
            .notBlankWhenGiven("give --master a Spark master URL such as local[*] or spark://host:7077")
            .shownAs("spark-submit's, else local[*]")
            .flag("--master", "URL", TEXT, "Spark master");

    public static final Option<String> RUN_DATE = Option.computed("run_date", JobConfig::runDate,
                    () -> LocalDate.now(ZoneOffset.UTC).toString(), "today, UTC",
                    "the day the run stands for (a scheduler passes its logical date): recorded in the manifest and what "
                            + "the refit schedule counts from")
            .must(Options::isDay, "be a day as YYYY-MM-DD")
            .flag("--run-date", "DAY", TEXT, "the day this run stands for, YYYY-MM-DD");

    public static final Option<Boolean> INCREMENTAL = Option.of("incremental", JobConfig::incremental, false,
                    "read only input that is new or changed since the published run and recompute only the months it "
                            + "touches; a full run when there is nothing to add to")
            .flag("--incremental", "", SWITCH, "read only new or changed input and recompute only the months it touches");

    public static final Option<String> MODEL = Option.of("model", JobConfig::model, REFIT,
                    "refit: fit the topic model anew and match its topics to the saved model's, so a topic keeps its id; "
                            + "reuse: use the saved model (phrases, vocabulary, IDF, topics) as it is and only transform")
            .mustFit(config -> !(config.topicsAuto() && REUSE.equals(config.model())),
                    "--topics auto fits models to choose from, and --model reuse fits none: use one of them")
            .must(m -> REFIT.equals(m) || REUSE.equals(m),
                    "be 'refit' (fit anew, keep topic ids by matching) or 'reuse' (transform with the saved model)")
            .flag("--model", "POLICY", TEXT, "refit: fit topics anew, keeping the ids of those that match the saved "
                    + "model's; reuse: transform with the saved model (phrases, vocabulary, topics) as it is");

    public static final Option<String> MODEL_DIR = Option.of("model_dir", JobConfig::modelDir, (String) null,
                    "a folder where every run's model is kept as a version and the latest one read from; none keeps the "
                            + "model only with the output")
            .notBlankWhenGiven("give a folder or leave it out")
            .shownAs("the model is kept with the output, in _state/model")
            .flag("--model-dir", "DIR", TEXT, "keep each run's model there as a version and read the latest from there");

    public static final Option<String> TABLE_FORMAT = Option.of("table_format", JobConfig::tableFormat,
                    TableFormat.PARQUET.code(), "parquet: Parquet folders, replaced whole by each run; delta: Delta Lake "
                            + "tables, which keep every run as a version")
            .must(f -> TableFormat.byCode(f).isPresent(), "be one of " + TableFormat.codes())
            .flag("--table-format", "F", TEXT, "parquet: Parquet folders, replaced by each run; delta: Delta Lake tables "
                    + "that keep each run as a version (the manifest names it)");

    public static final Option<Integer> VOCAB_SIZE = Option.of("vocab_size", JobConfig::vocabSize, 20_000,
                    "largest vocabulary, the most frequent terms first")
            .from(10, 1_000_000);

    public static final Option<Double> MIN_DOC_FREQ = Option.of("min_doc_freq", JobConfig::minDocFreq, 2.0,
                    "a term must appear in at least this many documents (below 1: this share of them)")
            .must(f -> f > 0, "be above 0 (a count of documents, or a share below 1)")
            .must(f -> f < 1 || f == Math.rint(f),
                    f -> "min_doc_freq of 1 or more is a count of documents and must be whole, got " + f);

    public static final Option<Double> MAX_DOC_FREQ = Option.of("max_doc_freq", JobConfig::maxDocFreq, 0.5,
                    "a term may appear in at most this share of the documents (corpora of 100+ documents)")
            .must(f -> f > 0 && f <= 1, "be a share above 0 and at most 1");

    public static final Option<Integer> MIN_TOKEN_LENGTH = Option.of("min_token_length", JobConfig::minTokenLength, 2,
                    "shorter words are dropped")
            .from(1, 20);

    public static final Option<Integer> DISTINCTIVE_TERMS = Option.of("distinctive_terms", JobConfig::distinctiveTerms, 20,
                    "terms per month in terms_monthly")
            .from(1, 1000);

    public static final Option<Integer> TOPIC_TERMS = Option.of("topic_terms", JobConfig::topicTerms, 10,
                    "terms per topic in topics")
            .from(3, 100);

    public static final Option<Integer> LDA_MAX_ITERATIONS = Option.of("lda_max_iterations", JobConfig::ldaMaxIterations, 20,
                    "online LDA mini-batch iterations")
            .from(1, 10_000);

    public static final Option<Integer> SHUFFLE_PARTITIONS = Option.of("shuffle_partitions", JobConfig::shufflePartitions, 0,
                    "Spark SQL shuffle partitions; 0 lets the job choose (see spark.ShufflePartitions)")
            .must(n -> n >= 0 && n <= 100_000, "be from 0 (chosen by the job) to 100000");

    /** 64 MiB: a news article is a few kilobytes; a file a thousand times that is not one article. */
    public static final Option<Long> MAX_FILE_BYTES = Option.of("max_file_bytes", JobConfig::maxFileBytes, 64L << 20,
                    "largest text article file, as listed and after gunzip; larger ones are rejected unread")
            .must(n -> n >= 1 && n <= Integer.MAX_VALUE, "be from 1 to 2147483647 (bytes)");

    public static final Option<String> LDA_START = Option.of("lda_start", JobConfig::ldaStart, KMEANS_START,
                    "where online LDA starts: kmeans, from the clusters that several k-means clusterings of the documents "
                            + "agree on (stable and coherent topics, see topics.KMeansStart), or random, MLlib's own start")
            .must(s -> KMEANS_START.equals(s) || RANDOM_START.equals(s), "be 'kmeans' (start from a k-means clustering "
                    + "of the articles) or 'random' (MLlib's random start)");

    /** No default of its own: JobConfig takes the one that suits {@link #LDA_START} ({@link #learningOffsetFor}). */
    public static final Option<Double> LDA_LEARNING_OFFSET = Option.of("lda_learning_offset", JobConfig::ldaLearningOffset,
                    (Double) null, "online LDA's tau0: mini-batch t weighs (offset + t)^-0.51 against what came before")
            .must(o -> o > 0 && o <= 1e6, "be above 0 and at most 1000000")
            .shownAs((long) KMEANS_START_LEARNING_OFFSET + " from a kmeans start, " + (long) RANDOM_START_LEARNING_OFFSET
                    + " from a random one");

    /**
     * On: a night that has yesterday's topics refines them instead of finding the subjects again from nothing, which
     * skips the k-means start and keeps the topics (and so their ids) from night to night. Off: every refit starts as
     * a first fit does, so that a new subject can take a topic of its own at once rather than over a few nights.
     */
    public static final Option<Boolean> LDA_WARM_START = Option.of("lda_warm_start", JobConfig::ldaWarmStart, true,
            "whether a refit whose previous model has as many topics starts LDA from that model's topics (true) or "
                    + "from lda_start, as a first fit does (false)");

    /**
     * Twenty clusterings: the clusters that recur across twenty seeds are much the same for any twenty, where ten
     * leave the last few topics to chance (README's "Topics").
     */
    public static final Option<Integer> LDA_START_CLUSTERINGS = Option.of("lda_start_clusterings",
                    JobConfig::ldaStartClusterings, 20,
                    "k-means clusterings (each from its own seed) whose recurring clusters the kmeans start is made of")
            .must(n -> n >= 1 && n <= 20, "be from 1 (a single k-means clustering) to 20");

    /** From the k-means start one pass gives the topics two did (NPMI and seed stability alike), in half the time. */
    public static final Option<Double> LDA_PASSES = Option.of("lda_passes", JobConfig::ldaPasses, 1.0,
                    "passes over the corpus that online LDA's mini-batches add up to")
            .must(p -> p > 0 && p <= 100, "be above 0 and at most 100");

    public static final Option<Boolean> LDA_OPTIMIZE_ALPHA = Option.of("lda_optimize_alpha", JobConfig::ldaOptimizeAlpha,
            true, "whether online LDA learns the documents' topic concentration (alpha) from the data, or keeps 1/K");

    public static final Option<Boolean> TOPICS_AUTO = Option.of("topics_auto", JobConfig::topicsAuto, false,
            "fit every number of topics of topic_sweep and keep the most coherent model (the highest mean NPMI)");

    public static final Option<List<Integer>> TOPIC_SWEEP = Option.of("topic_sweep", JobConfig::topicSweep,
                    List.of(5, 10, 15, 20, 25, 30), "the numbers of topics topics_auto tries")
            .must(ks -> !ks.isEmpty() && ks.stream().allMatch(k -> k != null && k >= 2 && k <= 500),
                    "list numbers of topics from 2 to 500");

    public static final Option<Double> TOPIC_MATCH_SIMILARITY = Option.of("topic_match_similarity",
                    JobConfig::topicMatchSimilarity, 0.5, "a refit's topic keeps the id of the previous topic it matches "
                            + "when the cosine similarity of their term distributions is at least this")
            .must(s -> s > 0 && s <= 1, "be a cosine similarity above 0 and at most 1");

    public static final Option<Double> TOPIC_TERM_RELEVANCE = Option.of("topic_term_relevance",
                    JobConfig::topicTermRelevance, 0.6, "how a topic's words are ranked: 1 by probability in the topic, "
                            + "lower values lift words that are rarer elsewhere (LDAvis's relevance)")
            .must(r -> r >= 0 && r <= 1, "be from 0 to 1 (1 ranks a topic's words by probability alone)");

    public static final Option<Integer> PHRASE_MIN_COUNT = Option.of("phrase_min_count", JobConfig::phraseMinCount, 20,
                    "a pair of adjacent content words must occur this often to become a phrase; 0: no phrases")
            .must(n -> n >= 0 && n <= 1_000_000, "be from 0 (no phrases) to 1000000");

    public static final Option<Double> PHRASE_THRESHOLD = Option.of("phrase_threshold", JobConfig::phraseThreshold, 0.5,
                    "and reach this NPMI over the corpus's word pairs (see features.Phrases)")
            .must(t -> t > 0 && t < 1, "be an NPMI above 0 and below 1");

    public static final Option<Integer> MAX_PHRASES = Option.of("max_phrases", JobConfig::maxPhrases, 2_000,
                    "phrases kept at most, the most frequent first")
            .from(0, 100_000);

    public static final Option<Double> DUPLICATE_SIMILARITY = Option.of("duplicate_similarity",
                    JobConfig::duplicateSimilarity, 0.6, "two articles are near-duplicates when the Jaccard similarity of "
                            + "their shingles (runs of three content words) is at least this")
            .must(s -> s > 0 && s <= 1, "be a Jaccard similarity above 0 and at most 1");

    /**
     * On nl-news-2022 every sentence that twenty articles of one source share is a newspaper's own line (newsletters,
     * column introductions, contact addresses), while the sentences of news that its articles repeat stay far below
     * it (README's "What it does to the text").
     */
    public static final Option<Integer> BOILERPLATE_MIN_ARTICLES = Option.of("boilerplate_min_articles",
                    JobConfig::boilerplateMinArticles, 20, "a sentence that at least this many articles of a source have, "
                            + "verbatim, is that source's boilerplate and is taken out before analysis; 0 keeps every sentence")
            .must(n -> n == 0 || n >= 2 && n <= 1_000_000_000, "be 0 (keep every sentence) or from 2 to 1000000000 articles");

    /**
     * One article in five hundred: in a corpus of millions, a sentence of news that returns now and then is not taken
     * for boilerplate, while the lines a newspaper adds under a kind of article keep their share.
     */
    public static final Option<Double> BOILERPLATE_MIN_SHARE = Option.of("boilerplate_min_share",
                    JobConfig::boilerplateMinShare, 0.002, "and at least this share of the source's articles")
            .must(s -> s >= 0 && s <= 1, "be a share of a source's articles from 0 to 1");

    /** Dutch news first: an article too short to tell (a headline) is read as Dutch. */
    public static final Option<List<String>> LANGUAGES = Option.of("languages", JobConfig::languages,
                    List.of(Language.DUTCH.code(), Language.ENGLISH.code()), "the languages articles are read in (ISO "
                            + "639-1 codes): each article's language is detected and it is analyzed with that language's "
                            + "stopwords and stemmer; the first is for articles in any other language or too short to "
                            + "tell. One language: every article is read in it, and nothing is detected")
            .must(codes -> !codes.isEmpty(), codes -> "languages is empty: list the languages to read, from "
                    + Language.codes() + " (the first also reads articles in other languages)")
            .must(codes -> unknownLanguage(codes) == null, codes -> "languages: '" + unknownLanguage(codes)
                    + "' is not a language the job can read; use the lower-case codes " + Language.codes())
            .must(codes -> new HashSet<>(codes).size() == codes.size(),
                    codes -> "languages lists a language twice: " + codes + "; list each once");

    public static final Option<Integer> REFIT_DAYS = Option.of("refit_days", JobConfig::refitDays, 7,
                    "an incremental run refits vocabulary, IDF and topics over the whole corpus (a full run) once the "
                            + "last full run is this many days before the run date; 0 refits every night")
            .must(n -> n >= 0 && n <= 3660, "be from 0 (refit every run) to 3660");

    public static final Option<Double> MAX_REJECTED_SHARE = Option.of("max_rejected_share", JobConfig::maxRejectedShare,
                    0.5, "the quality gate fails the run (exit 3, nothing published) when more than this share of the "
                            + "input (files and records) is rejected")
            .must(s -> s >= 0 && s <= 1, "be a share from 0 to 1 (1 never fails on rejects)");

    public static final Option<Integer> PROGRESS_SECONDS = Option.of("progress_seconds", JobConfig::progressSeconds, 30,
                    "a progress line is logged every this many seconds while a stage runs")
            .from(1, 3600);

    /** Every option, in the order a config is checked in (the first broken rule is the one reported). */
    public static final List<Option<?>> ALL = List.of(INPUT, OUTPUT, THEMES, TOPICS, SEED, VOCAB_SIZE, MIN_DOC_FREQ,
            MAX_DOC_FREQ, MIN_TOKEN_LENGTH, DISTINCTIVE_TERMS, TOPIC_TERMS, LDA_MAX_ITERATIONS, SHUFFLE_PARTITIONS,
            MAX_FILE_BYTES, LDA_LEARNING_OFFSET, RUN_DATE, INCREMENTAL, REFIT_DAYS, MAX_REJECTED_SHARE, PROGRESS_SECONDS,
            PHRASE_MIN_COUNT, PHRASE_THRESHOLD, MAX_PHRASES, DUPLICATE_SIMILARITY, TOPIC_TERM_RELEVANCE, LDA_START,
            LDA_START_CLUSTERINGS, LDA_WARM_START, LDA_PASSES, LDA_OPTIMIZE_ALPHA, TOPICS_AUTO, TOPIC_SWEEP, MODEL, MODEL_DIR,
            TOPIC_MATCH_SIMILARITY, BOILERPLATE_MIN_ARTICLES, BOILERPLATE_MIN_SHARE, LANGUAGES, TABLE_FORMAT, MASTER);

    /** The options with a flag, in the order {@code --help} lists them: what to read and write first. */
    public static final List<Option<?>> FLAGGED = List.of(INPUT, OUTPUT, THEMES, TOPICS, SEED, MASTER, RUN_DATE,
            INCREMENTAL, MODEL, MODEL_DIR, TABLE_FORMAT);

    /** The learning offset that suits the start (see {@link #KMEANS_START_LEARNING_OFFSET}). */
    static double learningOffsetFor(String ldaStart) {
        return KMEANS_START.equals(ldaStart) ? KMEANS_START_LEARNING_OFFSET : RANDOM_START_LEARNING_OFFSET;
    }

    private static String unknownLanguage(List<String> codes) {
        // String.valueOf before findFirst, which refuses a null element: a null code is named as 'null'.
        return codes.stream().filter(code -> code == null || Language.byCode(code).isEmpty()).map(String::valueOf)
                .findFirst().orElse(null);
    }

    private static boolean isDay(String day) {
        try {
            return day.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(day) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
