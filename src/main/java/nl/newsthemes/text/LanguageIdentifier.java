package nl.newsthemes.text;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which language a text is in, with Apache OpenNLP's language detector (a maximum-entropy model of character
 * n-grams over 103 languages, from the {@code opennlp-models-langdetect} artifact). It answers with an ISO 639-1
 * code ({@code nl}, {@code en}, {@code de}; the ISO 639-3 code where a language has no two-letter one), or with
 * nothing when it is unsure (see {@link #MIN_LEAD}).
 *
 * <p>Not thread-safe: make one per task. The model is read once per JVM.
 */
public final class LanguageIdentifier {
    /**
     * The detector reads the start of the text only: its cost grows with the length it reads, and the first sentences
     * decide the language as well as the whole text does (README's "What it does to the text" has the measurement).
     */
    static final int PREFIX_CHARS = 600;

    /**
     * The detector is sure when its most likely language is at least this many times as likely as the next one. Its
     * probabilities are spread over 103 languages, so their size says more about the length of the text than about
     * the choice: a sentence of plain English gets 0.07, a page 0.98. What tells a choice from a guess is the lead: a
     * Dutch headline comes out as Afrikaans, English or Dutch at nearly the same probability as the runner-up.
     */
    static final double MIN_LEAD = 2.0;

    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    private static final Map<String, String> TWO_LETTER_CODES = twoLetterCodes();
    private static volatile LanguageDetectorModel model;

    private final LanguageDetectorME detector = new LanguageDetectorME(model());

    /** The ISO code of the language {@code text} is in, or null when the detector is unsure. */
    public String identify(String text) {
        CharSequence start = text.length() > PREFIX_CHARS ? text.subSequence(0, PREFIX_CHARS) : text;
        opennlp.tools.langdetect.Language[] ranked = detector.predictLanguages(start);
        if (ranked.length < 2 || ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
            return null;
        }
        return TWO_LETTER_CODES.getOrDefault(ranked[0].getLang(), ranked[0].getLang());
    }

    /**
     * Reads the model on a daemon thread, so that a driver which is about to start Spark has it by the time the first
     * task asks (under a local master the tasks run in this JVM). Executors elsewhere read it when their first task
     * needs it.
     */
    public static void loadInBackground() {
        Thread loader = new Thread(LanguageIdentifier::model, "language-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static LanguageDetectorModel model() {
        LanguageDetectorModel loaded = model;
        if (loaded == null) {
            synchronized (LanguageIdentifier.class) {
                if (model == null) {
                    model = load();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the language model " + MODEL_RESOURCE
                        + " is missing from the class path (it comes with org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ISO 639-3 (the model's codes) to ISO 639-1: the JDK's table, and for the model's languages that are one member of
     * a macrolanguage with a two-letter code (Standard Estonian of Estonian, Mandarin of Chinese, ...), that code. The
     * model's other languages (Low German, Cebuano, ...) have no two-letter code and keep their three letters.
     */
    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            codes.put(Locale.forLanguageTag(twoLetter).getISO3Language(), twoLetter);
        }
        codes.putAll(Map.of("ekk", "et", "lvs", "lv", "pes", "fa", "cmn", "zh", "pnb", "pa", "plt", "mg"));
        return codes;
    }
}
