package nl.newsthemes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The DuckDB queries in README.md, run as written (paths relative to the folder that holds {@code out/}) over the
 * Parquet tables of a run on data/sample: each gives the rows the README promises. The pandas and PySpark snippets
 * beside them are not run: pyarrow, which {@code pd.read_parquet} needs, and PySpark cannot be installed here.
 */
class ReadmeDuckDbTest {
    /** The folder that holds the shared sample run's {@code out/}. */
    static Path dir;
    static List<String> queries;

    @BeforeAll
    static void runJobAndReadReadme() throws Exception {
        // README's queries read out/...: the shared sample run's folder is out.
        dir = SampleRun.defaults().getParent();
        queries = new ArrayList<>();
        Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            // The blocks on Delta Lake tables need Spark, or DuckDB's delta extension, which it downloads.
            if (m.group(1).contains("read_parquet(")) {
                queries.add(m.group(1));
            }
        }
        assertEquals(2, queries.size(), "the DuckDB blocks over the Parquet tables in README.md: " + queries);
    }

    @Test
    void everyThemeTableRowComesBackWithItsMonth() throws SQLException {
        Result result = run(queries.get(0));
        // DuckDB puts the partition column last, as Spark does.
        assertEquals(List.of("theme", "articles", "theme_articles", "stories", "theme_stories", "share", "share_low", "share_high", "share_change",
                "mean_score", "top_terms", "example_doc_ids", "month"), result.columns());
        assertEquals(16, result.rows().size());
        assertEquals(List.of("2021-12", "2022-01"),
                result.rows().stream().map(r -> (String) r.get(12)).distinct().sorted().toList());
    }

    @Test
    void themesPerMonthInPercent() throws SQLException {
        Result result = run(queries.get(1));
        assertEquals(List.of("month", "theme", "theme_articles", "articles", "pct", "pct_low", "pct_high"),
                result.columns());
        assertEquals(List.of(
                List.of("2021-12", "nato_expansion", 2L, 2L, 100.0, 34.2, 100.0),
                List.of("2021-12", "peace_talks", 2L, 2L, 100.0, 34.2, 100.0),
                List.of("2021-12", "sanctions", 2L, 2L, 100.0, 34.2, 100.0),
                List.of("2021-12", "nuclear_threat", 1L, 2L, 50.0, 9.5, 90.5),
                List.of("2022-01", "sanctions", 3L, 3L, 100.0, 43.9, 100.0),
                List.of("2022-01", "peace_talks", 2L, 3L, 66.7, 20.8, 93.9),
                List.of("2022-01", "minsk_accords", 1L, 3L, 33.3, 6.1, 79.2),
                List.of("2022-01", "nato_expansion", 1L, 3L, 33.3, 6.1, 79.2),
                List.of("2022-01", "nuclear_threat", 1L, 3L, 33.3, 6.1, 79.2)), result.rows());
    }

    record Result(List<String> columns, List<List<Object>> rows) {
    }

    /** The query in an in-memory DuckDB that finds relative paths in the folder holding the run's {@code out/}. */
    private static Result run(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET file_search_path = '" + dir.toAbsolutePath().toString().replace("'", "''") + "'");
            try (ResultSet result = statement.executeQuery(query)) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(result.getObject(i));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows);
            }
        }
    }
}
