package nl.newsthemes.text;

import java.text.Normalizer;

/**
 * Unicode normalization applied to every text before it is split into words: NFKC (so that ligatures, full-width
 * letters and composed/decomposed diacritics compare equal) and typographic apostrophes folded to {@code '} (so that
 * {@code zo’n} and {@code zo'n} are one word). Diacritics are kept: {@code oekraïne} stays {@code oekraïne}.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return nfkc.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
    }
}
