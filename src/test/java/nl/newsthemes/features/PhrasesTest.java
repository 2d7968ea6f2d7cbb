package nl.newsthemes.features;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PhrasesTest extends SparkTestBase {

    /**
     * Ten content words: verenigd 2, staat 3, sanctie 1, rusland 2, gas 2. Pairs: "verenigd staat" twice, "staat
     * sanctie", "sanctie rusland", "staat gas", "rusland gas", "gas staat" once each.
     */
    static Dataset<Row> docs() {
        return spark.createDataFrame(List.of(
                RowFactory.create("d1", "2022-01", new String[]{"verenigd", "staat", "sanctie", "rusland"},
                        new String[]{"verenigde", "staten", "sancties", "rusland"}),
                RowFactory.create("d2", "2022-01", new String[]{"verenigd", "staat", "gas"},
                        new String[]{"verenigde", "staten", "gas"}),
                RowFactory.create("d3", "2022-02", new String[]{"rusland", "gas", "staat"},
                        new String[]{"rusland", "gas", "staten"})), VocabularyTest.SCHEMA);
    }

    @Test
    void learnsPairsThatStandTogetherMoreThanChanceSays() {
        // verenigd staat: p = 2/10, p(verenigd) = 2/10, p(staat) = 3/10: log(0.2 / 0.06) / -log 0.2 = 0.748.
        assertEquals(List.of("verenigd staat"), Phrases.learn(docs(), 2, 0.5, 100).pairs());
        assertEquals(List.of(), Phrases.learn(docs(), 2, 0.8, 100).pairs());
        // Once is enough with a count of 1: staat sanctie 0.523, sanctie rusland 0.699; rusland gas 0.398 and
        // staat gas 0.222 stay below 0.5.
        assertEquals(List.of("sanctie rusland", "staat sanctie", "verenigd staat"), Phrases.learn(docs(), 1, 0.5, 100).pairs());
        // At most two: the most frequent first, then by the pair.
        assertEquals(List.of("sanctie rusland", "verenigd staat"), Phrases.learn(docs(), 1, 0.5, 2).pairs());
        assertEquals(List.of(), Phrases.learn(docs(), 0, 0.5, 100).pairs());
    }

    @Test
    void joinsPhrasesLeftToRightInTermsAndWords() {
        Phrases phrases = new Phrases(List.of("verenigd staat", "staat sanctie", "sanctie rusland"));
        assertEquals(List.of(
                        List.of("d1", "2022-01", List.of("verenigd staat", "sanctie rusland"), List.of("verenigde staten", "sancties rusland")),
                        List.of("d2", "2022-01", List.of("verenigd staat", "gas"), List.of("verenigde staten", "gas")),
                        List.of("d3", "2022-02", List.of("rusland", "gas", "staat"), List.of("rusland", "gas", "staten"))),
                values(phrases.apply(docs()).orderBy(DOC_ID)));
        assertEquals(values(docs().orderBy(DOC_ID)), values(Phrases.none().apply(docs()).orderBy(DOC_ID)));
    }

    @Test
    void takesTheRowsOfATypedStepBeforeIt() {
        // The text stage makes its rows with Java arrays, and Spark passes them on as they are to a map right after.
        Dataset<Row> asArrays = docs().map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r ->
                        RowFactory.create(r.getString(0), r.getString(1), r.getList(2).toArray(String[]::new),
                                r.getList(3).toArray(String[]::new)),
                org.apache.spark.sql.Encoders.row(VocabularyTest.SCHEMA));
        assertEquals(List.of(List.of("d2", "2022-01", List.of("verenigd staat", "gas"), List.of("verenigde staten", "gas"))),
                values(new Phrases(List.of("verenigd staat")).apply(asArrays).filter("doc_id = 'd2'")));
    }
}
