package nl.newsthemes.ingest;

import java.util.Locale;

/** The kinds of input file, told apart by the file name's ending. */
public enum InputFormat {
    /** {@code .txt}, {@code .txt.gz}: a {@code date YYYY-MM} header, then the article. */
    TEXT,
    /** {@code .jsonl}, {@code .ndjson}, {@code .json}, optionally {@code .gz}: one JSON object a line. */
    JSON_LINES,
    /** {@code .csv}, optionally {@code .gz}: a header line, then one article a record. */
    CSV,
    /** {@code .parquet}. */
    PARQUET,
    /** Anything else: recorded as a reject, never read. */
    UNSUPPORTED;

    public static InputFormat of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".txt")) {
            return TEXT;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".parquet") && !fileName.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return PARQUET;
        }
        return UNSUPPORTED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
