package nl.newsthemes.report;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.nightly.QualityGate;
import nl.newsthemes.nightly.RunMode;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicLineage;
import nl.newsthemes.topics.TopicQuality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: what the manifest and report say, and what {@code main} prints.
 *
 * @param outputFolder where the run was published
 * @param mode         full or incremental, and why
 * @param gate         the quality gate's checks
 * @param topicQuality the topics' coherence and perplexity (null when no topics were fitted)
 * @param nearDuplicates articles that are a near-copy of an earlier one (see features.NearDuplicates)
 * @param boilerplate  the sentences taken out of the text as boilerplate (see features.Boilerplate)
 * @param topicLineage where the topics come from (null for an incremental run, which keeps the last full run's)
 */
public record RunSummary(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        JobConfig config,
        ThemeSet themes,
        InputListing listing,
        Ingested ingested,
        long contentWords,
        int vocabularySize,
        TopicCount topics,
        double ldaSubsamplingRate,
        long modelledDocuments,
        TopicQuality topicQuality,
        TopicLineage topicLineage,
        long nearDuplicates,
        Boilerplate.Removal boilerplate,
        Map<String, Long> tableRows,
        List<StageTimer.Stage> stages,
        String outputFolder,
        RunMode mode,
        QualityGate gate) {

    public RunSummary finishedNow(List<StageTimer.Stage> allStages) {
        return new RunSummary(runId, startedAt, Instant.now(), config, themes, listing, ingested, contentWords,
                vocabularySize, topics, ldaSubsamplingRate, modelledDocuments, topicQuality, topicLineage, nearDuplicates, boilerplate, tableRows, allStages,
                outputFolder, mode, gate);
    }

    public double seconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
