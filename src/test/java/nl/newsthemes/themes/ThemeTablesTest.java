package nl.newsthemes.themes;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeTablesTest extends SparkTestBase {
    private static Row hit(String doc, String month, String theme, double score, String... terms) {
        return RowFactory.create(doc, month, theme, score, score >= 1, terms, new String[]{});
    }

    @Test
    void monthlySharesTopTermsAndExamples() {
        StructType schema = new StructType().add(DOC_ID, DataTypes.StringType).add(MONTH, DataTypes.StringType)
                .add(THEME, DataTypes.StringType).add(SCORE, DataTypes.DoubleType).add(MATCHED, DataTypes.BooleanType)
                .add(MATCHED_TERMS, new ArrayType(DataTypes.StringType, false))
                .add(EVIDENCE, new ArrayType(DataTypes.StringType, false));
        Dataset<Row> docThemes = spark.createDataFrame(List.of(
                hit("a", "2022-01", "sanctions", 3, "sancties", "embargo"),
                hit("b", "2022-01", "sanctions", 1, "sancties"),
                hit("c", "2022-01", "sanctions", 0),
                hit("d", "2022-01", "sanctions", 3, "boycot"),
                hit("e", "2022-02", "sanctions", 0),
                hit("a", "2022-01", "nato", 0),
                hit("b", "2022-01", "nato", 0),
                hit("c", "2022-01", "nato", 2, "navo … lidmaatschap"),
                hit("d", "2022-01", "nato", 0),
                hit("e", "2022-02", "nato", 0)), schema);
        // d is a near-copy of a: an article, but not another story.
        Dataset<Row> duplicates = spark.createDataFrame(List.of(RowFactory.create("d", "a", 0.9)), new StructType()
                .add(DOC_ID, DataTypes.StringType).add(DUPLICATE_OF, DataTypes.StringType).add(SIMILARITY, DataTypes.DoubleType));
        // Wilson 95% intervals as statsmodels' proportion_confint(x, n, method="wilson") gives them.
        assertEquals(List.of(
                Arrays.asList("2022-01", "nato", 4L, 1L, 3L, 1L, 0.25, 0.045587, 0.699358, null, 0.5,
                        List.of("navo … lidmaatschap"), List.of("c")),
                Arrays.asList("2022-01", "sanctions", 4L, 3L, 3L, 2L, 0.75, 0.300642, 0.954413, null, 1.75,
                        List.of("sancties", "boycot", "embargo"), List.of("a", "d", "b")),
                Arrays.asList("2022-02", "nato", 1L, 0L, 1L, 0L, 0.0, 0.0, 0.793451, -0.25, 0.0, List.of(), List.of()),
                Arrays.asList("2022-02", "sanctions", 1L, 0L, 1L, 0L, 0.0, 0.0, 0.793451, -0.75, 0.0, List.of(), List.of())),
                values(ThemeTables.monthly(docThemes, duplicates).orderBy(MONTH, THEME)));
    }

    @Test
    void perSourceWhereArticlesNameOne() {
        StructType themeSchema = new StructType().add(DOC_ID, DataTypes.StringType).add(MONTH, DataTypes.StringType)
                .add(THEME, DataTypes.StringType).add(MATCHED, DataTypes.BooleanType);
        Dataset<Row> docThemes = spark.createDataFrame(List.of(
                RowFactory.create("a", "2022-01", "sanctions", true),
                RowFactory.create("b", "2022-01", "sanctions", false),
                RowFactory.create("c", "2022-01", "sanctions", true),
                RowFactory.create("d", "2022-01", "sanctions", true)), themeSchema);
        StructType docSchema = new StructType().add(DOC_ID, DataTypes.StringType).add(SOURCE, DataTypes.StringType);
        Dataset<Row> documents = spark.createDataFrame(List.of(
                RowFactory.create("a", "nos"), RowFactory.create("b", "nos"), RowFactory.create("c", "nrc"),
                RowFactory.create("d", null)), docSchema);
        assertEquals(List.of(
                List.of("2022-01", "nos", "sanctions", 2L, 1L, 0.5, 0.094531, 0.905469),
                List.of("2022-01", "nrc", "sanctions", 1L, 1L, 1.0, 0.206549, 1.0)),
                values(ThemeTables.sourceMonthly(docThemes, documents).orderBy(SOURCE)));
    }
}
