package nl.newsthemes.ingest;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@code .txt} and {@code .txt.gz} articles: each file is one article with a {@link DateHeader}. Files are
 * opened in the tasks, one at a time, so that a file that cannot be read becomes a reject with its reason instead
 * of failing the job. The doc_id is a hash of the file's bytes: the same file gets the same id in every run.
 *
 * <p>What is refused, with its reason: a file above {@code maxBytes} (by its listed size, unread, or after gunzip,
 * so a gzip bomb is stopped while it inflates), a file that vanished after listing, gzip data that is cut or not
 * gzip, NUL bytes (binary data), bytes that are not UTF-8. UTF-8 and UTF-16 with a byte order mark are read.
 */
final class TextFileReader {
    private TextFileReader() {
    }

    static Dataset<Row> read(SparkSession spark, List<InputFile> files, long maxBytes) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), ArticleRows.SCHEMA);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Broadcast, as Spark's own file sources do: a configuration inside the closure would be deserialized by
        // every task that reads these rows, also from a cache of them further down the pipeline (the cached plan
        // keeps this closure), and a Hadoop configuration of several hundred settings costs a task milliseconds.
        Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
        int slices = Math.min(files.size(), Math.max(jsc.defaultParallelism() * 2, files.size() / 200));
        JavaRDD<Row> rows = jsc.parallelize(files, slices).map(file -> readOne(file, conf.value(), maxBytes));
        return spark.createDataFrame(rows, ArticleRows.SCHEMA);
    }

    static Row readOne(InputFile file, HadoopConf conf, long maxBytes) {
        if (file.bytes() > maxBytes) {
            return ArticleRows.reject(file.path(), 0, null, RejectReason.TOO_LARGE.because(String.format(Locale.ROOT,
                    "%d bytes, above max_file_bytes %d (not read)", file.bytes(), maxBytes)));
        }
        byte[] bytes;
        try {
            Path path = new Path(file.path());
            FileSystem fs = path.getFileSystem(conf.get());
            try (FSDataInputStream in = fs.open(path)) {
                bytes = readAtMost(in, maxBytes, "");
            }
        } catch (FileNotFoundException e) {
            return ArticleRows.reject(file.path(), 0, null, RejectReason.DISAPPEARED.because(e.getMessage()));
        } catch (IOException e) {
            return ArticleRows.reject(file.path(), 0, null, RejectReason.UNREADABLE.because(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (FSError e) {
            // Hadoop's local file system reports a failed read (EIO) as this Error, not an IOException.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ArticleRows.reject(file.path(), 0, null, RejectReason.UNREADABLE.because(cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        } catch (IllegalArgumentException e) {
            return ArticleRows.reject(file.path(), 0, null, e.getMessage());
        }
        try {
            return parse(file.path(), bytes, maxBytes);
        } catch (IllegalArgumentException e) {
            return ArticleRows.reject(file.path(), 0, null, e.getMessage());
        }
    }

    /** One file's bytes to an article row, or an {@link IllegalArgumentException} with the reject reason. */
    static Row parse(String path, byte[] raw, long maxBytes) {
        byte[] bytes = path.toLowerCase(Locale.ROOT).endsWith(".gz") ? gunzip(raw, maxBytes) : raw;
        if (bytes.length == 0) {
            throw new IllegalArgumentException(RejectReason.EMPTY_FILE.label());
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        DateHeader header = DateHeader.parse(text);
        if (header.body().isBlank()) {
            throw new IllegalArgumentException(RejectReason.EMPTY_TEXT.because("nothing after the date header"));
        }
        return ArticleRows.article(Hashes.docId(raw), header.date(), null, null, header.body(), null, path, 0);
    }

    /** All of {@code in}, unless it holds more than {@code maxBytes}: then the reject reason. */
    private static byte[] readAtMost(InputStream in, long maxBytes, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(RejectReason.TOO_LARGE.followedBy(String.format(Locale.ROOT,
                    "%s: more than max_file_bytes %d", what, maxBytes)));
        }
        return bytes;
    }

    private static byte[] gunzip(byte[] raw, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return readAtMost(in, maxBytes, " after gunzip");
        } catch (EOFException e) {
            throw new IllegalArgumentException(RejectReason.UNREADABLE.because("gzip data is cut short"));
        } catch (ZipException e) {
            throw new IllegalArgumentException(RejectReason.UNREADABLE.because("not gzip data (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException(RejectReason.UNREADABLE.because(e.getMessage()));
        }
    }

    /** UTF-8 (with or without a byte order mark), or UTF-16 with one; anything else is refused. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return strict(bytes, StandardCharsets.UTF_16);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(RejectReason.BINARY_DATA.because("a NUL byte at offset " + i + " (not a text file)"));
            }
        }
        return strict(bytes, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] bytes, java.nio.charset.Charset charset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException e) {
            RejectReason reason = charset.equals(StandardCharsets.UTF_8) ? RejectReason.NOT_UTF8 : RejectReason.NOT_UTF16;
            throw new IllegalArgumentException(reason.because(String.format(Locale.ROOT,
                    "invalid bytes at offset %d (convert the file to UTF-8)", buffer.position())));
        }
    }
}
