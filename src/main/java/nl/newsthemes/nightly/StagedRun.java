package nl.newsthemes.nightly;

import nl.newsthemes.analysis.DocumentTables;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicLineage;
import nl.newsthemes.topics.TopicQuality;

import nl.newsthemes.output.TableWriter;

import java.util.Map;

/**
 * What a run staged, for the summary and manifest.
 *
 * @param ingested     articles and rejects of the whole output (not only of what this run read)
 * @param totals       content words, boilerplate taken out and articles per language, of all documents
 * @param topicQuality the topics' coherence and perplexity (null when no topics were fitted)
 * @param lineage      where the topics come from (refit and matched, or reused; null for incremental runs)
 * @param nearDuplicates articles that are a near-copy of an earlier one
 * @param tableChanges the tables the run wrote, whole or by month (what a Delta commit writes)
 */
public record StagedRun(Ingested ingested, DocumentTables.Totals totals, int vocabularySize, TopicCount topics,
                        double subsamplingRate, long modelledDocuments, TopicQuality topicQuality,
                        TopicLineage lineage, long nearDuplicates, Map<String, Long> tableRows, RunMode mode,
                        Map<String, TableWriter.Change> tableChanges) {
}
