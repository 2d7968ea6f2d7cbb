package nl.newsthemes.topics;

import java.util.Locale;

/**
 * How many topics a run fits: the number asked for, unless the corpus is too small to support it. At least
 * {@link #DOCUMENTS_PER_TOPIC} documents with vocabulary words per topic, and never fewer than two topics.
 *
 * @param requested the --topics value
 * @param used      the number fitted (0 when there is nothing to fit)
 * @param reason    why {@code used} differs from {@code requested}, else empty
 */
public record TopicCount(int requested, int used, String reason) {
    public static final int DOCUMENTS_PER_TOPIC = 5;

    public static TopicCount choose(int requested, long documents, int vocabularySize) {
        if (documents == 0 || vocabularySize < 2) {
            return new TopicCount(requested, 0, String.format(Locale.ROOT,
                    "no topics fitted: %d documents with vocabulary words and a vocabulary of %d terms", documents,
                    vocabularySize));
        }
        long supported = Math.max(2, documents / DOCUMENTS_PER_TOPIC);
        if (supported >= requested) {
            return new TopicCount(requested, requested, "");
        }
        return new TopicCount(requested, (int) supported, String.format(Locale.ROOT,
                "reduced from %d: %d documents support %d topics (at least %d documents a topic)",
                requested, documents, supported, DOCUMENTS_PER_TOPIC));
    }
}
