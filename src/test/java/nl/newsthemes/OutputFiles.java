package nl.newsthemes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static nl.newsthemes.schema.Columns.MONTH;

/**
 * What an output folder holds: byte for byte, for the tests that check a failed run left a published one as it was;
 * and the month folders of a table partitioned by month.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Every file of an output folder, by relative path, as a hash of its bytes. */
    public static Map<String, String> everyFile(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** The {@code month=...} folders of a table partitioned by month, sorted. */
    public static List<String> monthFolders(Path table) throws IOException {
        try (Stream<Path> entries = Files.list(table)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(MONTH + "=")).sorted()
                    .toList();
        }
    }
}
