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

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

public class VocabularyTest extends SparkTestBase {
    public static final StructType SCHEMA = new StructType()
            .add(DOC_ID, DataTypes.StringType)
            .add(MONTH, DataTypes.StringType)
            .add(TERMS, new ArrayType(DataTypes.StringType, false))
            .add(WORDS, new ArrayType(DataTypes.StringType, false));

    static Dataset<Row> docs() {
        return spark.createDataFrame(List.of(
                RowFactory.create("d1", "2022-01", new String[]{"sancties", "rusland", "rusland", "navo"},
                        new String[]{"sancties", "rusland", "ruslands", "navo"}),
                RowFactory.create("d2", "2022-01", new String[]{"sancties", "economisch", "rusland"},
                        new String[]{"sancties", "economische", "rusland"}),
                RowFactory.create("d3", "2022-02", new String[]{"minsk", "akkoord", "akkoord", "economisch"},
                        new String[]{"minsk", "akkoorden", "akkoord", "economische"}),
                RowFactory.create("d4", "2022-02", new String[]{"minsk", "akkoord", "gas"},
                        new String[]{"minsk", "akkoorden", "gas"})), SCHEMA);
    }

    @Test
    void mostFrequentFirstTiesByTermSurfaceWordsByUse() {
        Vocabulary v = Vocabulary.fit(docs(), 4, 100, 2, 0.5);
        // rusland 3x (2 docs), akkoord 3x (2 docs), then 2x: economisch, minsk, sancties; navo and gas are in one document.
        assertEquals(List.of("akkoord", "rusland", "economisch", "minsk", "sancties"), v.terms());
        // "akkoorden" is written twice, "akkoord" once; "rusland" twice, "ruslands" once.
        assertEquals(List.of("akkoorden", "rusland", "economische", "minsk", "sancties"), v.surfaces());
        assertEquals(List.of(2L, 2L, 2L, 2L, 2L), v.docFreqs());
    }

    @Test
    void sizeAndDocumentFrequencyLimits() {
        assertEquals(List.of("akkoord", "rusland"), Vocabulary.fit(docs(), 4, 2, 2, 0.5).terms());
        assertEquals(List.of("akkoord", "rusland", "economisch", "minsk", "sancties", "gas", "navo"),
                Vocabulary.fit(docs(), 4, 100, 1, 0.5).terms());
        // A share below 1: 0.5 of 4 documents is 2.
        assertEquals(5, Vocabulary.fit(docs(), 4, 100, 0.5, 1.0).size());
    }

    @Test
    void maxDocFreqAppliesFromAHundredDocuments() {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<String> terms = new java.util.ArrayList<>(List.of("overal"));
            if (i < 60) {
                terms.add("vaak");
            }
            if (i < 30) {
                terms.add("soms");
            }
            String[] t = terms.toArray(String[]::new);
            rows.add(RowFactory.create("d" + i, "2022-01", t, t));
        }
        Dataset<Row> hundred = spark.createDataFrame(rows, SCHEMA);
        assertEquals(List.of("soms"), Vocabulary.fit(hundred, 100, 100, 2, 0.5).terms());
        assertEquals(List.of("overal", "vaak", "soms"), Vocabulary.fit(hundred.limit(99), 99, 100, 2, 0.5).terms());
    }

    @Test
    void presenceVectorsOverTheVocabulary() {
        Vocabulary v = Vocabulary.fit(docs(), 4, 100, 2, 0.5);
        List<Row> rows = v.countVectorizer().transform(docs()).orderBy(DOC_ID).select(COUNTS).collectAsList();
        // Indices: akkoord 0, rusland 1, economisch 2, minsk 3, sancties 4; navo and gas are not counted. A term
        // twice in a document (rusland in d1, akkoord in d3) is there once.
        assertEquals("(5,[1,4],[1.0,1.0])", rows.get(0).get(0).toString());
        assertEquals("(5,[0,2,3],[1.0,1.0,1.0])", rows.get(2).get(0).toString());
    }
}
