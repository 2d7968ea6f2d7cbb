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
import java.util.Arrays;
import java.util.Comparator;
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
        // Every month with each of the eight themes, with its month: December's two articles and January's three (as
        // SampleJobTest finds them per article), each share with its 95% (Wilson) interval and its change from the
        // month before (none in the first month), the mean score over the month's articles, the matched terms and the
        // articles with the highest scores. The query has no ORDER BY: the rows in month and theme order.
        List<List<Object>> rows = new ArrayList<>(result.rows());
        rows.sort(Comparator.comparing((List<Object> r) -> (String) r.get(12)).thenComparing(r -> (String) r.get(0)));
        assertEquals(List.of(
                Arrays.asList("arms_deliveries", 2L, 0L, 2L, 0L, 0.0, 0.0, 0.65762, null, 0.0, List.of(), List.of(), "2021-12"),
                Arrays.asList("energy_supply", 2L, 0L, 2L, 0L, 0.0, 0.0, 0.65762, null, 0.0, List.of(), List.of(), "2021-12"),
                Arrays.asList("minsk_accords", 2L, 0L, 2L, 0L, 0.0, 0.0, 0.65762, null, 0.0, List.of(), List.of(), "2021-12"),
                Arrays.asList("nato_expansion", 2L, 2L, 2L, 2L, 1.0, 0.34238, 1.0, null, 1.0,
                        List.of("navo … uitbreidt", "uitbreiding … navo"), List.of("cd84d37e1e4e22a8", "d0f59cb76fdf910e"), "2021-12"),
                Arrays.asList("nuclear_threat", 2L, 1L, 2L, 1L, 0.5, 0.094531, 0.905469, null, 0.5,
                        List.of("kernwapenverdragen"), List.of("cd84d37e1e4e22a8"), "2021-12"),
                Arrays.asList("peace_talks", 2L, 2L, 2L, 2L, 1.0, 0.34238, 1.0, null, 3.0,
                        List.of("gesprek … poetin", "rusland … onderhandelingen", "vredesproces"),
                        List.of("d0f59cb76fdf910e", "cd84d37e1e4e22a8"), "2021-12"),
                Arrays.asList("refugees", 2L, 0L, 2L, 0L, 0.0, 0.0, 0.65762, null, 0.0, List.of(), List.of(), "2021-12"),
                Arrays.asList("sanctions", 2L, 2L, 2L, 2L, 1.0, 0.34238, 1.0, null, 10.0,
                        List.of("economische sancties", "economische … sancties", "sancties", "vs … sancties", "sancties … rusland"),
                        List.of("cd84d37e1e4e22a8", "d0f59cb76fdf910e"), "2021-12"),
                Arrays.asList("arms_deliveries", 3L, 0L, 3L, 0L, 0.0, 0.0, 0.561497, 0.0, 0.0, List.of(), List.of(), "2022-01"),
                Arrays.asList("energy_supply", 3L, 0L, 3L, 0L, 0.0, 0.0, 0.561497, 0.0, 0.0, List.of(), List.of(), "2022-01"),
                Arrays.asList("minsk_accords", 3L, 1L, 3L, 1L, 0.333333, 0.061492, 0.79234, 0.333333, 1.0,
                        List.of("akkoorden van minsk", "akkoorden … minsk"), List.of("af53009ea800db80"), "2022-01"),
                Arrays.asList("nato_expansion", 3L, 1L, 3L, 1L, 0.333333, 0.061492, 0.79234, -0.666667, 0.666667,
                        List.of("navo lidmaatschap", "navo … lidmaatschap"), List.of("578ef146903e563a"), "2022-01"),
                Arrays.asList("nuclear_threat", 3L, 1L, 3L, 1L, 0.333333, 0.061492, 0.79234, -0.166667, 0.333333,
                        List.of("kernwapens"), List.of("af53009ea800db80"), "2022-01"),
                Arrays.asList("peace_talks", 3L, 2L, 3L, 2L, 0.666667, 0.20766, 0.938508, -0.333333, 2.0,
                        List.of("besprekingen … rusland", "rusland … besprekingen", "zelensky … gesprek"),
                        List.of("44c21f19dce00bbe", "578ef146903e563a"), "2022-01"),
                Arrays.asList("refugees", 3L, 0L, 3L, 0L, 0.0, 0.0, 0.561497, 0.0, 0.0, List.of(), List.of(), "2022-01"),
                Arrays.asList("sanctions", 3L, 3L, 3L, 3L, 1.0, 0.438503, 1.0, 0.0, 5.0,
                        List.of("sancties", "economische sancties", "economische … sancties", "russische … sancties", "sancties … rusland"),
                        List.of("44c21f19dce00bbe", "578ef146903e563a", "af53009ea800db80"), "2022-01")), rows);
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
                        Object value = result.getObject(i);
                        row.add(value instanceof java.sql.Array list ? Arrays.asList((Object[]) list.getArray()) : value);
                    }
                    rows.add(row);
                }
                return new Result(columns, rows);
            }
        }
    }
}
