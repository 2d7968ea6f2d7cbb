package nl.newsthemes.features;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

    /** doc_id, date, terms: the documents {@link NearDuplicates#find} reads. */
    private Dataset<Row> documents(List<Row> rows) {
        return spark.createDataFrame(rows, new StructType().add(DOC_ID, DataTypes.StringType)
                .add(DATE, DataTypes.StringType).add(TERMS, new ArrayType(DataTypes.StringType, false)));
    }

    @Test
    void eachNearCopyPointsAtTheEarliestArticleItCopies() {
        String[] story = words("w", 1, 20);
        String[] other = words("v", 1, 20);
        Dataset<Row> docs = documents(List.of(
                RowFactory.create("a", "2022-01-01", story),
                // The same story, a day later.
                RowFactory.create("b", "2022-01-02", story),
                // The story with its last two words changed: 16 of its 18 shingles are a's, of 20 in all: 0.8.
                RowFactory.create("c", "2022-01-03", concat(words("w", 1, 18), "x", "y")),
                // Another story, told first on 31 December.
                RowFactory.create("d", "2022-01-04", other),
                RowFactory.create("f", "2021-12-31", other),
                // Too short to tell a copy from a shared phrase.
                RowFactory.create("e", "2022-01-05", words("w", 1, 5))));
        assertEquals(List.of(List.of("b", "a", 1.0), List.of("c", "a", 0.8), List.of("d", "f", 1.0)),
                values(NearDuplicates.find(docs, 0.6, 1).orderBy(DOC_ID)));
        // At 0.9 the edited copy is another story.
        assertEquals(List.of(List.of("b", "a", 1.0), List.of("d", "f", 1.0)),
                values(NearDuplicates.find(docs, 0.9, 1).orderBy(DOC_ID)));
    }

    /**
     * Forty stories, each with a copy just above the similarity asked for and a story that shares its opening
     * sentence: every copy is found (the bands of its signature must meet the story's), and no opening alone makes a
     * near-copy.
     */
    @Test
    void everyCopyJustAboveTheSimilarityIsFoundAndASharedOpeningIsNot() {
        List<Row> rows = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        // Two-digit numbers, so that the ids sort as the expected rows are listed.
        for (int i = 10; i < 50; i++) {
            String[] story = words("s" + i + "w", 1, 30);
            rows.add(RowFactory.create("story" + i, "2022-01-01", story));
            // The first 24 words kept, 6 new: 22 shared shingles of 34 in all.
            rows.add(RowFactory.create("copy" + i, "2022-01-02", concat(words("s" + i + "w", 1, 24),
                    words("c" + i + "w", 1, 6))));
            // The first 8 words kept, 22 new: 6 shared shingles of 50.
            rows.add(RowFactory.create("opening" + i, "2022-01-03", concat(words("s" + i + "w", 1, 8),
                    words("o" + i + "w", 1, 22))));
            expected.add(List.of("copy" + i, "story" + i, 0.647059));
        }
        Dataset<Row> docs = documents(rows);
        assertEquals(expected, values(NearDuplicates.find(docs, 0.6, 1).orderBy(DOC_ID)));
        assertEquals(expected, values(NearDuplicates.find(docs, 0.6, 7).orderBy(DOC_ID)));
    }

    /** MLlib's MinHash values are below its prime 2,038,074,743: every pair of them is a key of its own. */
    @Test
    void aBandsKeyTellsEveryPairOfHashValuesApart() {
        long largest = 2_038_074_742L;
        assertEquals(largest * (1L << 31) + largest, NearDuplicates.bandKey(largest, largest));
        assertEquals(largest, NearDuplicates.bandKey(0, largest));
        assertEquals(1L << 31, NearDuplicates.bandKey(1, 0));
        assertEquals(3L * (1L << 31) + 5, NearDuplicates.bandKey(3, 5));
    }
}
