package nl.newsthemes.topics;

/**
 * Where a run's topics come from, for the manifest: fitted anew and matched to the previous model's ({@code refit}),
 * or the saved model as it was ({@code reuse}).
 *
 * @param policy        {@code refit} or {@code reuse}
 * @param source        where the previous model was read from
 * @param previousRunId the run that fitted the previous model; null when there was none
 * @param matched       topics that kept the id of a previous topic
 * @param added         topics under a new id
 * @param vanished      previous topics that no topic of this run matched
 * @param minSimilarity the least similarity of a match
 * @param startedFrom   the run whose topics LDA started from (see {@link TopicStart}); null when it started as a first
 *                      fit does, or did not fit
 */
public record TopicLineage(String policy, String source, String previousRunId, int matched, int added, int vanished,
                           double minSimilarity, String startedFrom) {
}
