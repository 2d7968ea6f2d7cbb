package nl.newsthemes.topics;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicThemesTest extends SparkTestBase {

    @Test
    void eachTopicGetsTheThemeItCorrelatesWithMost() {
        Dataset<Row> docTopics = spark.createDataFrame(List.of(
                        RowFactory.create("d1", List.of(0.9, 0.1)),
                        RowFactory.create("d2", List.of(0.8, 0.2)),
                        RowFactory.create("d3", List.of(0.2, 0.8)),
                        RowFactory.create("d4", List.of(0.1, 0.9))),
                new StructType().add(DOC_ID, DataTypes.StringType)
                        .add(TOPIC_DISTRIBUTION, DataTypes.createArrayType(DataTypes.DoubleType)));
        // sanctions in d1, d2; sport in d3 only; "never" in no document (it says nothing about any topic).
        boolean[][] matched = {{true, false, false}, {true, false, false}, {false, true, false}, {false, false, false}};
        String[] themes = {"sanctions", "sport", "never"};
        List<Row> rows = new java.util.ArrayList<>();
        for (int d = 0; d < 4; d++) {
            for (int t = 0; t < 3; t++) {
                rows.add(RowFactory.create("d" + (d + 1), themes[t], matched[d][t]));
            }
        }
        Dataset<Row> docThemes = spark.createDataFrame(rows, new StructType().add(DOC_ID, DataTypes.StringType)
                .add(THEME, DataTypes.StringType).add(MATCHED, DataTypes.BooleanType));

        // Topic 0 (0.9, 0.8, 0.2, 0.1) against sanctions (1, 1, 0, 0): covariance 0.175, deviations
        // sqrt(0.125) * 0.5, correlation 0.989949. Topic 1 against sport (0, 0, 1, 0): 0.075 / (sqrt(0.125) *
        // sqrt(0.1875)) = 0.489898; against sanctions it is -0.989949.
        // The distributions are in the order of the topic ids, here 4 and 7.
        assertEquals(Map.of(4, new TopicThemes.Closest("sanctions", 0.989949), 7, new TopicThemes.Closest("sport", 0.489898)),
                TopicThemes.closest(docTopics, docThemes, new int[]{4, 7}));
    }
}
