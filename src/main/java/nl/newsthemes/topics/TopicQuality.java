package nl.newsthemes.topics;

import nl.newsthemes.schema.Decimals;
import java.util.Arrays;
import java.util.List;

/**
 * How good a fitted topic model is, for the manifest: the coherence of each topic's top words and the model's log
 * perplexity on a sample of the documents it was fitted on.
 *
 * @param npmi                 per topic, the document-level NPMI of its top 10 words ({@link TopicCoherence})
 * @param meanNpmi             their mean
 * @param logPerplexity        MLlib's per-word log perplexity bound on the sample (lower is better)
 * @param perplexityDocuments  documents in that sample
 */
public record TopicQuality(List<Double> npmi, double meanNpmi, double logPerplexity, long perplexityDocuments) {
    /**
     * Documents the log perplexity is computed on, at most: MLlib's bound exponentiates the whole topics matrix once
     * per document, so that a sample of thousands costs a large part of the fit itself.
     */
    public static final int PERPLEXITY_SAMPLE = 500;

    public static TopicQuality of(double[] npmi, double logPerplexity, long perplexityDocuments) {
        return new TopicQuality(Arrays.stream(npmi).boxed().toList(),
                Decimals.round(Arrays.stream(npmi).average().orElse(0)), logPerplexity, perplexityDocuments);
    }
}
