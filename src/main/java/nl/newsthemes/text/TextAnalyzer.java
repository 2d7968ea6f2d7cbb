package nl.newsthemes.text;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.SnowballStemmer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits text in one {@link Language} into words and stems them, with Lucene: the Unicode word-break rules of
 * {@link StandardTokenizer} (diacritics kept, {@code navo-lidmaatschap} gives {@code navo} and
 * {@code lidmaatschap}), {@link EnglishPossessiveFilter} (which also drops the Dutch genitive {@code Zelensky's}),
 * lower-casing, the language's stopwords (marked, not removed) and its Snowball stemmer. Tokens without a letter (numbers, dates) are dropped.
 * Each word knows its sentence, which lets theme rules stay within a sentence: a new one starts after a line break,
 * or after {@code .}, {@code !} or {@code ?} followed by white space (so {@code 100.000} is no sentence break), except
 * a full stop before a word in lower case or after an initialism (see {@link #sentenceBreak}).
 *
 * <p>Not thread-safe and not serializable: make one per task (Spark partition). Stems are cached, because news
 * repeats its words.
 */
public final class TextAnalyzer {
    private static final int STEM_CACHE_LIMIT = 200_000;

    private final Language language;
    private final Set<String> stopwords;
    private final int minTokenLength;
    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer));
    private final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    private final SnowballStemmer stemmer;
    private final Map<String, String> stemCache = new HashMap<>();

    /** Words shorter than {@code minTokenLength} are not content words. */
    public TextAnalyzer(Language language, int minTokenLength) {
        this.language = language;
        this.stopwords = Stopwords.of(language);
        this.minTokenLength = minTokenLength;
        this.stemmer = language.newStemmer();
    }

    /** Dutch, with minimum length 2. */
    public static TextAnalyzer dutch() {
        return new TextAnalyzer(Language.DUTCH, 2);
    }

    public Language language() {
        return language;
    }

    /**
     * Every word of {@code normalizedText} (see {@link TextNormalizer}), stopwords included and marked, in order.
     * Offsets refer to {@code normalizedText}.
     */
    public List<Token> tokens(String normalizedText) {
        List<Token> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(normalizedText));
            stream.reset();
            int sentence = 0;
            int previousEnd = 0;
            while (stream.incrementToken()) {
                String word = term.toString();
                if (!hasLetter(word)) {
                    continue;
                }
                if (!tokens.isEmpty() && sentenceBreak(normalizedText, previousEnd, offset.startOffset())) {
                    sentence++;
                }
                previousEnd = offset.endOffset();
                boolean content = word.length() >= minTokenLength && !stopwords.contains(word);
                tokens.add(new Token(word, stem(word), offset.startOffset(), offset.endOffset(), content, sentence));
            }
            stream.end();
        } catch (IOException e) {
            // A StringReader does not fail; anything else is a bug worth surfacing.
            throw new UncheckedIOException(e);
        } finally {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokens;
    }

    /** The stem of one lower-cased word. */
    public String stem(String word) {
        String cached = stemCache.get(word);
        if (cached != null) {
            return cached;
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        if (stemCache.size() >= STEM_CACHE_LIMIT) {
            stemCache.clear();
        }
        stemCache.put(word, stem);
        return stem;
    }

    /**
     * Whether the text between two words ends a sentence: a line break, or a full stop, exclamation or question mark
     * before white space. Not a full stop before a word that starts in lower case ("U.S. sanctions", "o.a. de"), as
     * Unicode's sentence rules have it (UAX #29, rule SB8), nor one that ends an initialism ("the U.S. Army"): a near
     * rule must see "U.S." and the word after it in one sentence. The price: a sentence that really ends in an
     * initialism ("at 4 a.m. Russian forces") runs on into the next, and so does one whose next starts in lower case
     * ("'s Avonds"). A title's full stop still ends one ("Sen. Portman"): the JDK and Lucene know no list of them.
     */
    static boolean sentenceBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < to && Character.isWhitespace(text.charAt(i + 1))
                    && !(c == '.' && (startsLowerCase(text, to) || endsInitialism(text, i)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsLowerCase(String text, int wordStart) {
        return wordStart < text.length() && Character.isLowerCase(text.codePointAt(wordStart));
    }

    /** Whether the full stop at {@code dot} follows a letter, a full stop and a letter: "U.S.", "o.a.", "Ph.D.". */
    private static boolean endsInitialism(String text, int dot) {
        return dot >= 3 && Character.isLetter(text.charAt(dot - 1)) && text.charAt(dot - 2) == '.'
                && Character.isLetter(text.charAt(dot - 3));
    }

    private static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
