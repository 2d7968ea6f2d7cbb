package nl.newsthemes.nightly;

import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicModel;
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
 * @param terms             vocabulary stems, in the model's order
 * @param surfaces          the surface word shown for each stem
 * @param docFreqs          document frequency of each stem in the fitted corpus
 * @param idf               IDF of each stem
 * @param topics            topics asked for and fitted
 * @param modelledDocuments documents the topics were fitted on
 * @param subsamplingRate   LDA's mini-batch fraction
 * @param topicTerms        the {@code topics} table
 */
public record SavedModel(String runId, String runDate, List<String> terms, List<String> surfaces,
                         List<Long> docFreqs, double[] idf, TopicCount topics, long modelledDocuments,
                         double subsamplingRate, List<TopicModel.TopicTerm> topicTerms) {
    static final String FOLDER = "model";
    static final String FILE = "model.json";
    static final String LDA = "lda";

    public Vocabulary vocabulary() {
        return new Vocabulary(terms, surfaces, docFreqs);
    }

    /** The topic model, loaded from {@code lda/}; null when the run fitted none. */
    public TopicModel topicModel(Path stateFolder) {
        return topics.used() == 0 ? null
                : TopicModel.restore(new Path(new Path(stateFolder, FOLDER), LDA).toString(), topicTerms, subsamplingRate);
    }

    static SavedModel read(FileSystem fs, Path stateFolder) {
        return StateFiles.readJson(fs, new Path(new Path(stateFolder, FOLDER), FILE), SavedModel.class);
    }

    /** Writes model.json, and the LDA model when there is one. */
    void write(FileSystem fs, Path stateFolder, TopicModel model) {
        Path folder = new Path(stateFolder, FOLDER);
        StateFiles.writeJson(fs, new Path(folder, FILE), this);
        if (model != null) {
            model.saveLda(new Path(folder, LDA).toString());
        }
    }
}
