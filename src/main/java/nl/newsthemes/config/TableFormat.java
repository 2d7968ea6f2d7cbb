package nl.newsthemes.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the output tables are kept (config key {@code table_format}, flag {@code --table-format}). */
public enum TableFormat {
    /** Parquet folders, the whole output replaced by each run (see output.OutputFolder). */
    PARQUET("parquet"),
    /**
     * Delta Lake tables that stay where they are and take a new version from each run: readers can read a table as
     * of an earlier night, and the manifest names the version of each table that its run wrote.
     */
    DELTA("delta");

    private final String code;

    TableFormat(String code) {
        this.code = code;
    }

    /** The name in the config and on the command line. */
    public String code() {
        return code;
    }

    public static Optional<TableFormat> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(TableFormat::code).toList();
    }
}
