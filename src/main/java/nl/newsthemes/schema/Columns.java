package nl.newsthemes.schema;

/**
 * Every column name of the job's tables, once. The output tables are a contract with the notebooks that read them:
 * README.md documents each of these columns, so a rename here is a breaking change there.
 */
public final class Columns {
    private Columns() {
    }

    // Articles and documents
    public static final String DOC_ID = "doc_id";
    public static final String MONTH = "month";
    public static final String DATE = "date";
    public static final String SOURCE = "source";
    /**
     * The language an article is in (ISO 639-1), as detected (see text.LanguageIdentifier); the first language read
     * when the detector is unsure or only one language is read.
     */
    public static final String LANGUAGE = "language";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String URL = "url";
    public static final String PATH = "path";
    public static final String TOKENS = "tokens";
    /** Sentences taken out of an article's text as its source's boilerplate (see features.Boilerplate). */
    public static final String BOILERPLATE_SENTENCES = "boilerplate_sentences";
    /** The earliest article a document is a near-copy of (see features.NearDuplicates); null for a first telling. */
    public static final String DUPLICATE_OF = "duplicate_of";
    /** Which record of a file a reject is: its id, else the start of its text. */
    public static final String RECORD = "record";
    /** Order of a record among all input (file path, then position in the file): breaks ties, e.g. between duplicates. */
    public static final String POSITION = "position";
    public static final String REASON = "reason";

    // Text analysis (internal)
    /** Stems of the content words (in the article's language), stopwords removed, in text order. */
    public static final String TERMS = "terms";
    /** The lower-cased surface word of each entry of {@link #TERMS}, same positions. */
    public static final String WORDS = "words";
    public static final String TERM = "term";
    public static final String WORD = "word";
    /** A vector over the vocabulary: 1 for each term a document has (see features.Vocabulary#countVectorizer). */
    public static final String COUNTS = "counts";
    public static final String TFIDF = "tfidf";
    /** The TF-IDF vector scaled to unit length (topics.KMeansStart). */
    public static final String UNIT_TFIDF = "unit_tfidf";

    // Tables
    public static final String RANK = "rank";
    public static final String THEME = "theme";
    public static final String SCORE = "score";
    public static final String MATCHED = "matched";
    public static final String MATCHED_TERMS = "matched_terms";
    public static final String EVIDENCE = "evidence";
    /** An analyzed article's theme results, one struct per theme (analysis.AnalyzeDocuments). */
    public static final String THEMES = "themes";
    public static final String ARTICLES = "articles";
    public static final String THEME_ARTICLES = "theme_articles";
    /** Articles that are no near-copy of an earlier one: each story counted once. */
    public static final String STORIES = "stories";
    public static final String THEME_STORIES = "theme_stories";
    public static final String SHARE = "share";
    /** Lower and upper end of the 95% Wilson score interval of {@link #SHARE}. */
    public static final String SHARE_LOW = "share_low";
    public static final String SHARE_HIGH = "share_high";
    /** share minus the share of the theme's previous month with articles; null for the first month. */
    public static final String SHARE_CHANGE = "share_change";
    public static final String MEAN_SCORE = "mean_score";
    public static final String TOP_TERMS = "top_terms";
    public static final String EXAMPLE_DOC_IDS = "example_doc_ids";
    public static final String TOPIC = "topic";
    public static final String WEIGHT = "weight";
    /** A word's weight in each topic of a saved LDA start (see topics.TopicStart), in the order of the topics. */
    public static final String WEIGHTS = "weights";
    public static final String LABEL = "label";
    public static final String MEAN_SHARE = "mean_share";
    public static final String DOMINANT_ARTICLES = "dominant_articles";
    public static final String DOMINANT_TOPIC = "dominant_topic";
    public static final String DOMINANT_SHARE = "dominant_share";
    public static final String TOPIC_DISTRIBUTION = "topic_distribution";
    /** Document-level NPMI of a topic's top 10 words (see topics.TopicCoherence). */
    public static final String NPMI = "npmi";
    /** The theme a topic correlates with most over the documents, and that correlation (see topics.TopicThemes). */
    public static final String CLOSEST_THEME = "closest_theme";
    public static final String THEME_CORRELATION = "theme_correlation";
    // topic_registry: a topic's id over runs (see topics.TopicRegistry)
    public static final String STATUS = "status";
    public static final String FIRST_SEEN = "first_seen";
    public static final String LAST_SEEN = "last_seen";
    public static final String SIMILARITY = "similarity";
    // topic_sweep: what --topics auto tried (see topics.TopicSweep)
    public static final String K = "k";
    public static final String MEAN_NPMI = "mean_npmi";
    public static final String SECONDS = "seconds";
    public static final String CHOSEN = "chosen";

    // Input accounting
    public static final String FORMAT = "format";
    public static final String BYTES = "bytes";
    public static final String RECORDS = "records";
    public static final String LOADED = "loaded";
    public static final String REJECTED = "rejected";
}
