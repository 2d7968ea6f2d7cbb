package nl.newsthemes.nightly;

import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.output.TableWriter;
import nl.newsthemes.topics.TopicModel;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the job keeps beside its outputs for the next incremental run, in {@code _state/} (a name Spark and pandas
 * readers skip): the {@link Watermark}, the {@link SavedModel}, and {@code doc_terms} (doc_id, month, path, position,
 * terms of every document, partitioned by month), from which the months an incremental run touches are recomputed
 * without reading their unchanged input again.
 */
public final class CorpusState {
    public static final String FOLDER = "_state";
    public static final String DOC_TERMS = "doc_terms";
    /** {@link #DOC_TERMS} as a path under the output folder. */
    public static final String DOC_TERMS_PATH = FOLDER + "/" + DOC_TERMS;

    private CorpusState() {
    }

    /** The state folder of an output (or staging) folder. */
    public static Path folder(Path output) {
        return new Path(output, FOLDER);
    }

    /** Saves the state of a full run into the staging folder. */
    public static void writeFull(OutputFolder out, Dataset<Row> docTerms, SavedModel model, TopicModel topicModel,
                                 Watermark watermark) {
        Path state = folder(out.staging());
        new TableWriter(state, out.fileSystem()).writeParquet(DOC_TERMS, docTerms);
        model.write(out.fileSystem(), state, topicModel);
        watermark.write(out.fileSystem(), state);
    }
}
