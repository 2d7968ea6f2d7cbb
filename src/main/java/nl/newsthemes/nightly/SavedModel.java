package nl.newsthemes.nightly;

import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.features.Phrases;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.text.Language;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicModel;
import nl.newsthemes.topics.TopicQuality;
import nl.newsthemes.topics.TopicRegistry;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

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
 * @param languages         the languages its articles were read in (see config.JobConfig#languages): its stems are
 *                          theirs; {@code [nl]} in a model saved before articles were read in their own language
 */
public record SavedModel(String runId, String runDate, List<String> phrases, List<String> terms, List<String> surfaces,
                         List<Long> docFreqs, double[] idf, TopicCount topics, long modelledDocuments,
                         double subsamplingRate, List<TopicModel.TopicTerm> topicTerms, TopicQuality quality,
                         List<Integer> topicIds, TopicRegistry registry, Boilerplate boilerplate,
                         List<String> languages) {
    static final String FOLDER = "model";
    static final String FILE = "model.json";
    static final String LDA = "lda";

    public SavedModel {
        boilerplate = boilerplate == null ? Boilerplate.none() : boilerplate;
        languages = languages == null ? List.of(Language.DUTCH.code()) : List.copyOf(languages);
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

    /** Writes model.json, and the LDA model when there is one, into {@code folder}. */
    void writeTo(FileSystem fs, Path folder, TopicModel model) {
        StateFiles.writeJson(fs, new Path(folder, FILE), this);
        if (model != null) {
            model.saveLda(new Path(folder, LDA).toString());
        }
    }
}
