package nl.newsthemes.text;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A language the job can read: its stopwords (Spark's list for it plus the news filler words of
 * {@code stopwords/news-<code>.txt}) and its Snowball stemmer, as Lucene ships them.
 */
public enum Language {
    DUTCH("nl", "dutch", DutchStemmer::new),
    ENGLISH("en", "english", EnglishStemmer::new);

    private final String code;
    private final String sparkStopwordList;
    private final Supplier<SnowballStemmer> stemmer;

    Language(String code, String sparkStopwordList, Supplier<SnowballStemmer> stemmer) {
        this.code = code;
        this.sparkStopwordList = sparkStopwordList;
        this.stemmer = stemmer;
    }

    /** ISO 639-1 code, as in {@code documents.language} and the config's {@code languages}. */
    public String code() {
        return code;
    }

    /** The name of Spark's stopword list for it ({@code StopWordsRemover.loadDefaultStopWords}). */
    String sparkStopwordList() {
        return sparkStopwordList;
    }

    /** The classpath resource with the news filler words of this language. */
    String fillerResource() {
        return "/stopwords/news-" + code + ".txt";
    }

    /** A new stemmer (Snowball stemmers keep state: one per thread). */
    SnowballStemmer newStemmer() {
        return stemmer.get();
    }

    /** The language of an ISO 639-1 code, if the job can read it. */
    public static Optional<Language> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The codes of every language the job can read, for messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Language::code).toList());
    }
}
