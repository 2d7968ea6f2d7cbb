package nl.newsthemes.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex: of an article's content for its doc_id where the input gives no id (the first 16 digits), and of
 * settings for the manifest and the watermark.
 */
public final class Hashes {
    static final int ID_HEX_DIGITS = 16;

    private Hashes() {
    }

    static String docId(byte[] content) {
        return sha256Hex(content).substring(0, ID_HEX_DIGITS);
    }

    /** SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
