package nl.newsthemes.topics;

/**
 * How online LDA fits (see config.Options for each key).
 *
 * @param maxIterations  mini-batch iterations
 * @param passes         passes over the corpus that the mini-batches add up to
 * @param learningOffset the optimizer's tau0
 * @param optimizeAlpha  whether the documents' topic concentration is learned
 * @param kmeansStart    start from {@link KMeansStart} rather than from MLlib's random start alone
 * @param clusterings    k-means clusterings the start is agreed from (see {@link RecurringClusters})
 */
public record LdaSettings(int maxIterations, double passes, double learningOffset, boolean optimizeAlpha,
                          boolean kmeansStart, int clusterings) {
}
