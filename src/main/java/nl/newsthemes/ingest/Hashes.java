package nl.newsthemes.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes used as doc_id where the input gives no id: the first 16 hex digits of SHA-256. */
final class Hashes {
    static final int ID_HEX_DIGITS = 16;

    private Hashes() {
    }

    static String docId(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
