package nl.newsthemes.schema;

/**
 * Every output table's name, once: the folder name under the output and the CSV file name under {@code csv/}. Like
 * the column names in {@link Columns}, they are a contract with the notebooks and queries that read a run.
 */
public final class Tables {
    private Tables() {
    }

    public static final String THEME_MONTHLY = "theme_monthly";
    public static final String DOC_THEMES = "doc_themes";
    public static final String THEME_SOURCE_MONTHLY = "theme_source_monthly";
    public static final String TOPICS = "topics";
    public static final String TOPIC_MONTHLY = "topic_monthly";
    public static final String DOC_TOPICS = "doc_topics";
    public static final String TERMS_MONTHLY = "terms_monthly";
    public static final String DOCUMENTS = "documents";
    public static final String REJECTS = "rejects";
    public static final String INPUT_FILES = "input_files";
    public static final String TOPIC_REGISTRY = "topic_registry";
    public static final String TOPIC_SWEEP = "topic_sweep";

    /** Every output table (not the run's internal state under {@code _state}). */
    public static final java.util.List<String> ALL = java.util.List.of(THEME_MONTHLY, DOC_THEMES, THEME_SOURCE_MONTHLY,
            TOPICS, TOPIC_MONTHLY, DOC_TOPICS, TERMS_MONTHLY, DOCUMENTS, REJECTS, INPUT_FILES, TOPIC_REGISTRY, TOPIC_SWEEP);
}
