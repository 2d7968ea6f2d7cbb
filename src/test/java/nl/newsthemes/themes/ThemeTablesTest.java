package nl.newsthemes.themes;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

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
        assertEquals(List.of(
                List.of("2022-01", "nato", 4L, 1L, 0.25, 0.5, List.of("navo … lidmaatschap"), List.of("c")),
                List.of("2022-01", "sanctions", 4L, 3L, 0.75, 1.75, List.of("sancties", "boycot", "embargo"), List.of("a", "d", "b")),
                List.of("2022-02", "nato", 1L, 0L, 0.0, 0.0, List.of(), List.of()),
                List.of("2022-02", "sanctions", 1L, 0L, 0.0, 0.0, List.of(), List.of())),
                values(ThemeTables.monthly(docThemes).orderBy(MONTH, THEME)));
    }
}
