package nl.newsthemes.text;

import org.apache.spark.ml.feature.StopWordsRemover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words that carry no theme, per language: Spark's stopword list for it, plus news filler words (zegt, volgens, jaar;
 * said, according, year, ...) kept in {@code stopwords/news-<code>.txt} (one a line, {@code #} starts a comment). The
 * Dutch file also has a few English function words that turn up in Dutch news. Matched on the lower-cased surface
 * word, before stemming, so that a filler word does not remove content words that share its stem.
 */
public final class Stopwords {
    private static final Map<Language, Set<String>> LOADED = new EnumMap<>(Language.class);

    private Stopwords() {
    }

    /** Spark's list plus the news filler list of {@code language}, loaded once per JVM. */
    public static Set<String> of(Language language) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(language, l -> {
                Set<String> all = new HashSet<>(Arrays.asList(StopWordsRemover.loadDefaultStopWords(l.sparkStopwordList())));
                all.addAll(readResource(l.fillerResource()));
                return Set.copyOf(all);
            });
        }
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
