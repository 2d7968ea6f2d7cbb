package nl.newsthemes.ingest;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@code .txt} and {@code .txt.gz} articles: each file is one article with a {@link DateHeader}. Files are
 * opened in the tasks, one at a time, so that a file that cannot be read becomes a reject with its reason instead
 * of failing the job. The doc_id is a hash of the file's bytes: the same file gets the same id in every run.
 */
final class TextFileReader {
    private TextFileReader() {
    }

    static Dataset<Row> read(SparkSession spark, List<InputFile> files) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), ArticleRows.SCHEMA);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        int slices = Math.min(files.size(), Math.max(jsc.defaultParallelism() * 2, files.size() / 200));
        JavaRDD<Row> rows = jsc.parallelize(files, slices).map(file -> readOne(file, conf));
        return spark.createDataFrame(rows, ArticleRows.SCHEMA);
    }

    static Row readOne(InputFile file, HadoopConf conf) {
        byte[] bytes;
        try {
            Path path = new Path(file.path());
            FileSystem fs = path.getFileSystem(conf.get());
            try (FSDataInputStream in = fs.open(path)) {
                bytes = in.readAllBytes();
            }
        } catch (IOException e) {
            return ArticleRows.reject(file.path(), 0, null, "unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            return parse(file.path(), bytes);
        } catch (IllegalArgumentException e) {
            return ArticleRows.reject(file.path(), 0, null, e.getMessage());
        }
    }

    /** One file's bytes to an article row, or an {@link IllegalArgumentException} with the reject reason. */
    static Row parse(String path, byte[] raw) {
        byte[] bytes = path.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? gunzip(raw) : raw;
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty file");
        }
        String text = decodeUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        DateHeader header = DateHeader.parse(text);
        if (header.body().isBlank()) {
            throw new IllegalArgumentException("empty text: nothing after the date header");
        }
        return ArticleRows.article(Hashes.docId(raw), header.date(), null, null, header.body(), null, path, 0);
    }

    private static byte[] gunzip(byte[] raw) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new IllegalArgumentException("unreadable: gzip data is cut short");
        } catch (ZipException e) {
            throw new IllegalArgumentException("unreadable: not gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage());
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text: " + e.getMessage());
        }
    }
}
