package nl.newsthemes.nightly;

import nl.newsthemes.ingest.InputListing;

/**
 * How a run stages its tables in the output's staging folder: a full run computes all of them from every input file,
 * an incremental run ({@link IncrementalRun}) the months that the new and changed files touch. Both assemble the
 * article tables the same way (analysis.ArticleTables); checking and publishing what was staged is the same for both.
 */
public interface RunStaging {
    StagedRun stage(InputListing listing, String runId);
}
