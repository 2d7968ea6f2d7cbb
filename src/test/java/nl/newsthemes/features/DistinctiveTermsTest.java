package nl.newsthemes.features;

import nl.newsthemes.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DistinctiveTermsTest extends SparkTestBase {
    @Test
    void meanTfIdfPerMonthWithCorpusIdf() {
        Dataset<Row> docs = VocabularyTest.docs();
        Vocabulary v = Vocabulary.fit(docs, 4, 100, 2, 0.5);
        Dataset<Row> counted = v.countVectorizer().transform(docs);
        List<List<Object>> rows = values(DistinctiveTerms.perMonth(spark, docs, v, DistinctiveTerms.idf(counted), 3).orderBy(MONTH, RANK));
        // MLlib's IDF: log((4 + 1) / (df + 1)); every vocabulary term is in 2 of 4 documents: log(5/3) = 0.510826.
        // 2022-01: rusland 3x, sancties 2x, economische 1x over 2 articles; 2022-02: akkoorden 3x, minsk 2x, economische 1x.
        assertEquals(List.of(
                List.of("2022-01", 1, "rusland", 0.766238),
                List.of("2022-01", 2, "sancties", 0.510826),
                List.of("2022-01", 3, "economische", 0.255413),
                List.of("2022-02", 1, "akkoorden", 0.766238),
                List.of("2022-02", 2, "minsk", 0.510826),
                List.of("2022-02", 3, "economische", 0.255413)), rows);
    }
}
