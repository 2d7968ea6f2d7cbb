package nl.newsthemes.nightly;

import nl.newsthemes.analysis.DocumentTables;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.output.TableWriter;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicLineage;
import nl.newsthemes.topics.TopicQuality;

import java.util.Map;

/**
 * What a run staged, for the summary and manifest.
 *
 * @param ingested       articles and rejects of the whole output (not only of what this run read)
 * @param totals         content words, boilerplate taken out and articles per language, of all documents
 * @param nearDuplicates articles that are a near-copy of an earlier one
 * @param model          the corpus-wide model the tables were made with
 * @param tableRows      rows of each table the run staged
 * @param tableChanges   the tables the run wrote, whole or by month (what a Delta commit writes)
 */
public record StagedRun(Ingested ingested, DocumentTables.Totals totals, long nearDuplicates, Model model,
                        Map<String, Long> tableRows, Map<String, TableWriter.Change> tableChanges, RunMode mode) {
    /**
     * The figures of the corpus-wide model: a full run's own, or, for an incremental run, those of the last full run's
     * model that it used.
     *
     * @param quality the topics' coherence and perplexity (null when no topics were fitted)
     * @param lineage where the topics come from (refit and matched, or reused; null for incremental runs)
     */
    public record Model(int vocabularySize, TopicCount topics, double subsamplingRate, long modelledDocuments,
                        TopicQuality quality, TopicLineage lineage) {
        /** The figures of {@code saved}, the model the run fitted or used. */
        public static Model of(SavedModel saved, TopicLineage lineage) {
            return new Model(saved.terms().size(), saved.topics(), saved.subsamplingRate(), saved.modelledDocuments(),
                    saved.quality(), lineage);
        }
    }

    /** A run's staging with the tables {@code writer} wrote. */
    public static StagedRun of(Ingested ingested, DocumentTables.Totals totals, long nearDuplicates, Model model,
                               TableWriter writer, RunMode mode) {
        return new StagedRun(ingested, totals, nearDuplicates, model, writer.rowCounts(), writer.changes(), mode);
    }
}
