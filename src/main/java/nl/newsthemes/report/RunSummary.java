package nl.newsthemes.report;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.nightly.QualityGate;
import nl.newsthemes.nightly.RunMode;
import nl.newsthemes.nightly.StagedRun;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.topics.TopicCount;
import nl.newsthemes.topics.TopicLineage;
import nl.newsthemes.topics.TopicQuality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: what the manifest and report say, and what {@code main} prints. What the run staged is
 * kept as one part ({@link StagedRun}), so that a new figure of the staging is added in one place; the accessors
 * below read it for the manifest and report.
 *
 * @param staged       what the full or incremental run staged
 * @param stages       seconds per stage so far
 * @param outputFolder where the run was published
 * @param gate         the quality gate's checks
 * @param tableVersions with Delta Lake tables, the version of each table after the run; empty with Parquet
 */
public record RunSummary(String runId, Instant startedAt, Instant finishedAt, JobConfig config, ThemeSet themes,
                         InputListing listing, StagedRun staged, List<StageTimer.Stage> stages, String outputFolder,
                         QualityGate gate, Map<String, Long> tableVersions) {

    public RunSummary finishedNow(List<StageTimer.Stage> allStages) {
        return new RunSummary(runId, startedAt, Instant.now(), config, themes, listing, staged, allStages, outputFolder,
                gate, tableVersions);
    }

    public RunSummary withTableVersions(Map<String, Long> versions) {
        return new RunSummary(runId, startedAt, finishedAt, config, themes, listing, staged, stages, outputFolder,
                gate, Map.copyOf(versions));
    }

    public double seconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** Articles and rejects of the whole output. */
    public Ingested ingested() {
        return staged.ingested();
    }

    public long contentWords() {
        return staged.totals().contentWords();
    }

    /** Articles per language (ISO 639-1 code), sorted by code. */
    public Map<String, Long> articlesByLanguage() {
        return staged.totals().articlesByLanguage();
    }

    public int vocabularySize() {
        return staged.model().vocabularySize();
    }

    public TopicCount topics() {
        return staged.model().topics();
    }

    public double ldaSubsamplingRate() {
        return staged.model().subsamplingRate();
    }

    public long modelledDocuments() {
        return staged.model().modelledDocuments();
    }

    /** The topics' coherence and perplexity (null when no topics were fitted). */
    public TopicQuality topicQuality() {
        return staged.model().quality();
    }

    /** Where the topics come from (null for an incremental run, which keeps the last full run's). */
    public TopicLineage topicLineage() {
        return staged.model().lineage();
    }

    /** Articles that are a near-copy of an earlier one (see features.NearDuplicates). */
    public long nearDuplicates() {
        return staged.nearDuplicates();
    }

    /** The sentences taken out of the text as boilerplate (see features.Boilerplate). */
    public Boilerplate.Removal boilerplate() {
        return staged.totals().boilerplate();
    }

    public Map<String, Long> tableRows() {
        return staged.tableRows();
    }

    /** Full or incremental, and why. */
    public RunMode mode() {
        return staged.mode();
    }
}
