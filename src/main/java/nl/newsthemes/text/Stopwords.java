package nl.newsthemes.text;

import org.apache.spark.ml.feature.StopWordsRemover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words that carry no theme: Spark's Dutch stopword list, plus news filler words (zegt, volgens, jaar, ...) and a
 * few English function words that turn up in Dutch news, kept in {@code stopwords/news-nl.txt} (one a line,
 * {@code #} starts a comment). Matched on the lower-cased surface word, before stemming, so that a filler word
 * does not remove content words that share its stem.
 */
public final class Stopwords {
    public static final String NEWS_FILLER_RESOURCE = "/stopwords/news-nl.txt";

    private static volatile Set<String> defaults;

    private Stopwords() {
    }

    /** Spark's Dutch list plus the news filler list, loaded once per JVM. */
    public static Set<String> defaults() {
        Set<String> words = defaults;
        if (words == null) {
            synchronized (Stopwords.class) {
                if (defaults == null) {
                    Set<String> all = new HashSet<>(Arrays.asList(StopWordsRemover.loadDefaultStopWords("dutch")));
                    all.addAll(readResource(NEWS_FILLER_RESOURCE));
                    defaults = Set.copyOf(all);
                }
                words = defaults;
            }
        }
        return words;
    }

    static Set<String> readResource(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Stopwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty()) {
                    words.add(TextNormalizer.normalize(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
