package nl.newsthemes.nightly;

import java.util.List;

/**
 * Whether a run read everything or only what changed, and why; the manifest's {@code run_mode} section.
 *
 * @param incremental      true when only new or changed input was read
 * @param reason           why a run asked to be incremental was a full one, or what the incremental run found
 * @param changes          the input against the watermark (null for a full run without a previous watermark)
 * @param reread           unchanged files read again, because a record they had as a duplicate lost its first copy
 * @param monthsRecomputed the months whose rows were recomputed (every month for a full run)
 * @param modelRunId       the full run whose vocabulary, IDF and topic model the outputs use
 * @param modelRunDate     its run date
 * @param refitDays        the refit schedule (config refit_days)
 */
public record RunMode(boolean incremental, String reason, InputChanges changes, List<String> reread,
                      List<String> monthsRecomputed, String modelRunId, String modelRunDate, int refitDays) {

    public static RunMode full(String reason, InputChanges changes, List<String> months, String runId, String runDate,
                               int refitDays) {
        return new RunMode(false, reason, changes, List.of(), months, runId, runDate, refitDays);
    }
}
