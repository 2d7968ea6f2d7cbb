package nl.newsthemes.nightly;

import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.features.Phrases;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.text.Language;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicModel;
import nl.newsthemes.topics.TopicQuality;
import nl.newsthemes.topics.TopicRegistry;
import nl.newsthemes.topics.TopicStart;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * The corpus-wide model of the last full run, kept in {@code _state/model/}: the vocabulary with each term's
 * surface word and IDF, the topic count, and the topics' words ({@code model.json}); the MLlib LDA model itself in
 * {@code lda/}. An incremental run uses it as it is for the documents it adds, so their features and topics are on
 * the same scale as the rest.
 *
 * @param runId             the full run that fitted it
 * @param runDate           that run's run date
 * @param phrases           the two-word phrases joined into single terms before the vocabulary
 * @param terms             vocabulary stems (and phrases), in the model's order
 * @param surfaces          the surface word shown for each stem
 * @param docFreqs          document frequency of each stem in the fitted corpus
 * @param idf               IDF of each stem
 * @param topics            topics asked for and fitted
 * @param modelledDocuments documents the topics were fitted on
 * @param subsamplingRate   LDA's mini-batch fraction
 * @param topicTerms        the {@code topics} table
 * @param quality           the topics' coherence and perplexity as fitted (null when no topics were fitted)
 * @param topicIds          the id of each topic position of the LDA model (see topics.TopicRegistry)
 * @param registry          every topic the output's models have had
 * @param boilerplate       the sentences taken out of each source's articles before analysis (none in a model saved
 *                          before there was such a list)
 * @param languages         the languages its articles were read in (see config.Options#LANGUAGES): its stems are
 *                          theirs; {@code [nl]} in a model saved before articles were read in their own language
 * @param refitStartFrom    the run whose topics a refit of this model's run date starts from, kept in {@code start/}
 *                          (see topics.TopicModel#refitStart): a rerun of that night starts where its first run did;
 *                          null when such a refit starts as a first fit does
 */
public record SavedModel(String runId, String runDate, List<String> phrases, List<String> terms, List<String> surfaces,
                         List<Long> docFreqs, double[] idf, TopicCount topics, long modelledDocuments,
                         double subsamplingRate, List<TopicModel.TopicTerm> topicTerms, TopicQuality quality,
                         List<Integer> topicIds, TopicRegistry registry, Boilerplate boilerplate,
                         List<String> languages, String refitStartFrom) {
    static final String FOLDER = "model";
    static final String FILE = "model.json";
    static final String LDA = "lda";
    static final String START = "start";

    public SavedModel {
        boilerplate = boilerplate == null ? Boilerplate.none() : boilerplate;
        languages = languages == null ? List.of(Language.DUTCH.code()) : List.copyOf(languages);
    }

    /** A model to save, built by name: the run that fitted it first, then its parts grouped by meaning. */
    public static Builder fittedBy(String runId, String runDate) {
        return new Builder(runId, runDate);
    }

    /** Sets the parts of a {@link SavedModel} by what they are; what can be derived (from the topic model) is. */
    public static final class Builder {
        private final String runId;
        private final String runDate;
        private Phrases phrases;
        private Vocabulary vocabulary;
        private double[] idf;
        private TopicCount topics;
        private long modelledDocuments;
        private TopicModel model;
        private TopicQuality quality;
        private TopicRegistry registry;
        private Boilerplate boilerplate;
        private List<String> languages;

        private Builder(String runId, String runDate) {
            this.runId = runId;
            this.runDate = runDate;
        }

        public Builder phrases(Phrases phrases) {
            this.phrases = phrases;
            return this;
        }

        public Builder vocabulary(Vocabulary vocabulary, double[] idf) {
            this.vocabulary = vocabulary;
            this.idf = idf;
            return this;
        }

        /**
         * @param model   the topics under their ids; null when none were fitted
         * @param quality their coherence and perplexity; null when none were fitted
         */
        public Builder topics(TopicCount count, long modelledDocuments, TopicModel model, TopicQuality quality,
                              TopicRegistry registry) {
            this.topics = count;
            this.modelledDocuments = modelledDocuments;
            this.model = model;
            this.quality = quality;
            this.registry = registry;
            return this;
        }

        /** How its articles were read: the boilerplate taken out and the languages. */
        public Builder readWith(Boilerplate boilerplate, List<String> languages) {
            this.boilerplate = boilerplate;
            this.languages = languages;
            return this;
        }

        public SavedModel build() {
            boolean fitted = model != null;
            return new SavedModel(runId, runDate, phrases.pairs(), vocabulary.terms(), vocabulary.surfaces(),
                    vocabulary.docFreqs(), idf, topics, modelledDocuments, fitted ? model.subsamplingRate() : 0.0,
                    fitted ? model.topicTerms() : List.of(), quality,
                    fitted ? java.util.Arrays.stream(model.ids()).boxed().toList() : List.of(), registry, boilerplate,
                    languages, fitted && model.refitStart() != null ? model.refitStart().from() : null);
        }
    }

    public Phrases phraseModel() {
        return new Phrases(phrases);
    }

    public Vocabulary vocabulary() {
        return new Vocabulary(terms, surfaces, docFreqs);
    }

    /** The topic model of the output's state folder, loaded from {@code model/lda/}; null when the run fitted none. */
    public TopicModel topicModel(Path stateFolder, double termRelevance) {
        return topicModelIn(new Path(stateFolder, FOLDER), termRelevance);
    }

    /**
     * The topic model saved in {@code folder} (which holds model.json and lda/); null when the run fitted none.
     *
     * @throws UnreadableStateException when lda/ is missing or damaged
     */
    public TopicModel topicModelIn(Path folder, double termRelevance) {
        if (topics.used() == 0) {
            return null;
        }
        Path lda = new Path(folder, LDA);
        try {
            return TopicModel.restore(lda.toString(), topicTerms, subsamplingRate,
                    topicIds.stream().mapToInt(Integer::intValue).toArray(), termRelevance);
        } catch (Exception e) {
            // MLlib's loader fails in many ways (a missing folder, a truncated Parquet file, bad metadata JSON), some
            // of them with Scala's undeclared checked exceptions (SparkException).
            throw new UnreadableStateException(lda, e);
        }
    }

    /**
     * The topics a refit of this model's run date starts from, saved in {@code folder}'s {@code start/}; null when it
     * starts as a first fit does.
     *
     * @throws UnreadableStateException when start/ is missing or damaged
     */
    public TopicStart refitStartIn(Path folder) {
        if (refitStartFrom == null) {
            return null;
        }
        Path start = new Path(folder, START);
        try {
            return TopicStart.read(SparkSession.active(), start.toString(), refitStartFrom);
        } catch (Exception e) {
            // Spark's reader fails in many ways on a missing or truncated Parquet file, some of them with Scala's
            // undeclared checked exceptions (AnalysisException, SparkException).
            throw new UnreadableStateException(start, e);
        }
    }

    static SavedModel read(FileSystem fs, Path stateFolder) {
        return readFrom(fs, new Path(stateFolder, FOLDER));
    }

    /** The model saved in {@code folder}, or null when there is none. */
    static SavedModel readFrom(FileSystem fs, Path folder) {
        return StateFiles.readJson(fs, new Path(folder, FILE), SavedModel.class);
    }

    /** Writes model.json, and the LDA model when there is one, into the state folder's model/. */
    void write(FileSystem fs, Path stateFolder, TopicModel model) {
        writeTo(fs, new Path(stateFolder, FOLDER), model);
    }

    /**
     * Writes model.json, and the LDA model and the topics a refit of its night starts from when there are, into
     * {@code folder}.
     */
    void writeTo(FileSystem fs, Path folder, TopicModel model) {
        StateFiles.writeJson(fs, new Path(folder, FILE), this);
        if (model != null) {
            model.saveLda(new Path(folder, LDA).toString());
            if (model.refitStart() != null) {
                model.refitStart().save(SparkSession.active(), new Path(folder, START).toString());
            }
        }
    }
}
