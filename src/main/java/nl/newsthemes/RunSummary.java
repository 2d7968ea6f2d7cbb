package nl.newsthemes;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.nightly.QualityGate;
import nl.newsthemes.nightly.RunMode;
import nl.newsthemes.topics.TopicCount;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: what the manifest and report say, and what {@code main} prints.
 *
 * @param outputFolder where the run was published
 * @param mode         full or incremental, and why
 * @param gate         the quality gate's checks
 */
public record RunSummary(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        JobConfig config,
        ThemeSet themes,
        InputListing listing,
        ThemesPipeline.Ingested ingested,
        long contentWords,
        int vocabularySize,
        TopicCount topics,
        double ldaSubsamplingRate,
        long modelledDocuments,
        Map<String, Long> tableRows,
        List<StageTimer.Stage> stages,
        String outputFolder,
        RunMode mode,
        QualityGate gate) {

    RunSummary finishedNow(List<StageTimer.Stage> allStages) {
        return new RunSummary(runId, startedAt, Instant.now(), config, themes, listing, ingested, contentWords,
                vocabularySize, topics, ldaSubsamplingRate, modelledDocuments, tableRows, allStages,
                outputFolder, mode, gate);
    }

    public double seconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
