package nl.newsthemes.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A corpus of bad and unusual input, written into a folder from a seed: every kind of file the reliability issue
 * lists, with what the job must make of it (a reason prefix for rejects, "loaded" for articles).
 */
final class BadInputCorpus {
    static final long MAX_FILE_BYTES = 4L << 20;
    static final String LOADED = "loaded";

    private BadInputCorpus() {
    }

    /** File name to expected outcome: {@link #LOADED} or the start of the reject reason. */
    static Map<String, String> write(Path dir, long seed) throws IOException {
        Random random = new Random(seed);
        Map<String, String> expected = new LinkedHashMap<>();
        String body = "De Europese Unie kondigde nieuwe sancties tegen Rusland aan. Finland wil lid worden van de NAVO.";

        text(dir, "good.txt", " date 2022-01 " + body + "\n", expected, LOADED);
        bytes(dir, "bom.txt", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("date 2022-01 " + body).getBytes(StandardCharsets.UTF_8)), expected, LOADED);
        text(dir, "crlf.txt", "date 2022-02\r\n" + body.replace(". ", ".\r\n") + "\r\n", expected, LOADED);
        text(dir, "no-final-newline.txt", "date 2022-02 Geen regeleinde aan het eind van " + body, expected, LOADED);
        text(dir, "full-date.txt", "date 2022-03-15\n" + body, expected, LOADED);
        bytes(dir, "utf16.txt", ("\uFEFFdate 2022-03 " + body).getBytes(StandardCharsets.UTF_16LE), expected, LOADED);
        StringBuilder longLine = new StringBuilder("date 2022-03 ");
        while (longLine.length() < (1 << 20)) {
            longLine.append("woord").append(random.nextInt(1000)).append(" lang ");
        }
        text(dir, "long-line.txt", longLine.toString(), expected, LOADED);

        text(dir, "empty.txt", "", expected, "empty file");
        text(dir, "header-only.txt", "date 2022-01\n", expected, "empty text: nothing after the date header");
        text(dir, "bad-month.txt", "date 2022-13 " + body, expected, "invalid date header: invalid date '2022-13'");
        text(dir, "bad-short.txt", "date 22-1 " + body, expected, "invalid date header: invalid date '22-1': expected YYYY-MM or YYYY-MM-DD");
        text(dir, "date-colon.txt", "Date: 2022-01 " + body, expected, "no date header: the first line must start with 'date YYYY-MM'");
        text(dir, "no-header.txt", body, expected, "no date header");
        bytes(dir, "latin1.txt", ("date 2022-01 Oekra\u00efne " + body).getBytes(StandardCharsets.ISO_8859_1), expected,
                "not UTF-8 text: invalid bytes at offset 18");
        text(dir, "nul.txt", "date 2022-01 tekst\u0000met een NUL", expected, "binary data: a NUL byte at offset 18");
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        noise[0] = 0;
        bytes(dir, "random-binary.txt", noise, expected, "binary data: a NUL byte at offset 0");
        byte[] gz = gzip(("date 2022-01 " + body).getBytes(StandardCharsets.UTF_8));
        bytes(dir, "cut.txt.gz", Arrays.copyOf(gz, gz.length / 2), expected, "unreadable: gzip data is cut short");
        bytes(dir, "bomb.txt.gz", gzip(("date 2022-01 " + "a".repeat((int) MAX_FILE_BYTES + 10)).getBytes(StandardCharsets.UTF_8)),
                expected, "too large after gunzip: more than max_file_bytes " + MAX_FILE_BYTES);
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
            sparse.setLength(2L << 30); // 2 GiB listed, no block written: set aside by its size, never read
        }
        expected.put("huge.txt", "too large: 2147483648 bytes, above max_file_bytes " + MAX_FILE_BYTES + " (not read)");
        // Reading /proc/self/mem at offset 0 fails with EIO, even for root: a file that cannot be read.
        Files.createSymbolicLink(dir.resolve("unreadable.txt"), Path.of("/proc/self/mem"));
        expected.put("unreadable.txt", "unreadable: IOException: Input/output error");
        text(dir, "dup-a.txt", "date 2022-04 " + body, expected, LOADED);
        text(dir, "dup-b.txt", "date 2022-04 " + body, expected, "duplicate doc_id");
        text(dir, "notes.md", "# not an article", expected, "unsupported file type");
        text(dir, "records.jsonl", String.join("\n",
                "{\"id\": \"j1\", \"date\": \"2022-05-01\", \"title\": \"Sancties\", \"text\": \"Nieuwe sancties tegen Rusland.\", \"url\": \"https://nos.nl/artikel/1\"}",
                "{\"id\": \"j2\", \"date\": \"2022-05\", \"title\": \"Alleen een kop over de NAVO\"}",
                "{\"id\": \"j3\", \"date\": \"2022-05-02\", \"title\": \"=HYPERLINK(\\\"http://evil\\\",\\\"klik\\\")\", \"text\": \"@SUM(1+1)\", \"url\": \"=HYPERLINK(\\\"http://evil\\\")\"}",
                "{\"id\": \"j4\", \"date\": 20220501, \"title\": \"Datum als getal\", \"text\": \"x\"}",
                "{\"id\": \"j5\", \"title\": \"Geen datum\", \"text\": \"x\"}",
                "{\"id\": \"j6\", \"date\": \"2022-05-03\"}",
                "{\"id\": \"j7\", \"date\": \"2022-05-0",
                "not json at all",
                "{\"id\": \"j8\", \"date\": \"2022-05-04\", \"title\": \"-5 graden\", \"text\": [\"een\", \"lijst\"], \"url\": \"  \"}"),
                expected, "records");
        return expected;
    }

    private static void text(Path dir, String name, String content, Map<String, String> expected, String outcome)
            throws IOException {
        bytes(dir, name, content.getBytes(StandardCharsets.UTF_8), expected, outcome);
    }

    private static void bytes(Path dir, String name, byte[] content, Map<String, String> expected, String outcome)
            throws IOException {
        Files.write(dir.resolve(name), content);
        expected.put(name, outcome);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
