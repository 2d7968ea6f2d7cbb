package nl.newsthemes.features;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NearDuplicatesTest extends SparkTestBase {

    private static String[] words(String prefix, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void eachNearCopyPointsAtTheEarliestArticleItCopies() {
        String[] story = words("w", 1, 20);
        String[] other = words("v", 1, 20);
        Dataset<Row> docs = spark.createDataFrame(List.of(
                RowFactory.create("a", "2022-01-01", story),
                // The same story, a day later.
                RowFactory.create("b", "2022-01-02", story),
                // The story with its last two words changed: 16 of its 18 shingles are a's, of 20 in all: 0.8.
                RowFactory.create("c", "2022-01-03", concat(words("w", 1, 18), "x", "y")),
                // Another story, told first on 31 December.
                RowFactory.create("d", "2022-01-04", other),
                RowFactory.create("f", "2021-12-31", other),
                // Too short to tell a copy from a shared phrase.
                RowFactory.create("e", "2022-01-05", words("w", 1, 5))),
                new StructType().add(DOC_ID, DataTypes.StringType).add(DATE, DataTypes.StringType)
                        .add(TERMS, new ArrayType(DataTypes.StringType, false)));
        assertEquals(List.of(List.of("b", "a", 1.0), List.of("c", "a", 0.8), List.of("d", "f", 1.0)),
                values(NearDuplicates.find(docs, 0.6, 1).orderBy(DOC_ID)));
        // At 0.9 the edited copy is another story.
        assertEquals(List.of(List.of("b", "a", 1.0), List.of("d", "f", 1.0)),
                values(NearDuplicates.find(docs, 0.9, 1).orderBy(DOC_ID)));
    }
}
