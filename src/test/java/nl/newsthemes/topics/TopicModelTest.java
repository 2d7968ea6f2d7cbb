package nl.newsthemes.topics;

import nl.newsthemes.SparkTestBase;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.features.VocabularyTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicModelTest extends SparkTestBase {
    /** Two clear stories, 20 documents each, words drawn in a fixed pattern. */
    static Dataset<Row> twoStories() {
        String[][] stories = {
                {"sancties", "rusland", "embargo", "olie", "gas", "export"},
                {"voetbal", "ajax", "doelpunt", "wedstrijd", "trainer", "stadion"}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] words = stories[i % 2];
            List<String> doc = new ArrayList<>();
            for (int j = 0; j < 12; j++) {
                doc.add(words[(i * 7 + j * 5) % words.length]);
            }
            String[] t = doc.toArray(String[]::new);
            rows.add(RowFactory.create(String.format("d%02d", i), i < 20 ? "2022-01" : "2022-02", t, t));
        }
        return spark.createDataFrame(rows, VocabularyTest.SCHEMA);
    }

    private static TopicModel fit(Dataset<Row> training, Vocabulary v, long seed) {
        return TopicModel.fit(spark, training, training.count(), 2, seed, new LdaSettings(30, 2.0, 1.0, true, true, 3), 6, 1.0, v);
    }

    @Test
    void separatesTwoStoriesWithDistributionsThatSumToOne() {
        Dataset<Row> docs = twoStories();
        Vocabulary v = Vocabulary.fit(docs, 40, 100, 2, 1.0);
        Dataset<Row> training = LdaInput.trainingSet(v.countVectorizer().transform(docs), 3);
        TopicModel model = fit(training, v, 1);

        List<Row> topics = model.topics(spark).orderBy(TOPIC, RANK).collectAsList();
        assertEquals(12, topics.size());
        List<String> first = topics.subList(0, 6).stream().map(r -> r.<String>getAs(TERM)).sorted().toList();
        List<String> second = topics.subList(6, 12).stream().map(r -> r.<String>getAs(TERM)).sorted().toList();
        List<String> sanctions = List.of("embargo", "export", "gas", "olie", "rusland", "sancties");
        List<String> football = List.of("ajax", "doelpunt", "stadion", "trainer", "voetbal", "wedstrijd");
        assertEquals(List.of(sanctions, football).contains(first) ? 1 : 0, 1, "topic 0 is one story: " + first);
        assertEquals(first.equals(sanctions) ? football : sanctions, second);

        List<Row> docTopics = model.docTopics(training).orderBy(DOC_ID).collectAsList();
        assertEquals(40, docTopics.size());
        int sanctionsTopic = first.equals(sanctions) ? 0 : 1;
        for (Row r : docTopics) {
            List<Double> dist = r.getList(r.fieldIndex(TOPIC_DISTRIBUTION));
            assertEquals(1.0, dist.get(0) + dist.get(1), 1e-5, r.toString());
            int story = Integer.parseInt(r.<String>getAs(DOC_ID).substring(1)) % 2;
            assertEquals(story == 0 ? sanctionsTopic : 1 - sanctionsTopic, r.<Integer>getAs(DOMINANT_TOPIC), r.toString());
            assertTrue(r.<Double>getAs(DOMINANT_SHARE) > 0.9, r.toString());
        }

        List<List<Object>> monthly = values(model.monthly(spark, model.docTopics(training)).orderBy(MONTH, TOPIC)
                .select(MONTH, TOPIC, DOMINANT_ARTICLES));
        assertEquals(List.of(List.of("2022-01", 0, 10L), List.of("2022-01", 1, 10L),
                List.of("2022-02", 0, 10L), List.of("2022-02", 1, 10L)), monthly);
        training.unpersist();
    }

    @Test
    void oneLdaPartitionPer2500DocumentsAtMost200() {
        assertEquals(1, LdaInput.partitionsFor(0));
        assertEquals(1, LdaInput.partitionsFor(2_499));
        assertEquals(2, LdaInput.partitionsFor(2_500));
        assertEquals(9, LdaInput.partitionsFor(20_664));     // nl-news-2022
        assertEquals(83, LdaInput.partitionsFor(206_640));   // ten times nl-news-2022
        assertEquals(200, LdaInput.partitionsFor(497_500));
        assertEquals(200, LdaInput.partitionsFor(10_000_000));
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        Dataset<Row> docs = twoStories();
        Vocabulary v = Vocabulary.fit(docs, 40, 100, 2, 1.0);
        Dataset<Row> training = LdaInput.trainingSet(v.countVectorizer().transform(docs), 3);
        TopicModel first = fit(training, v, 42);
        TopicModel second = fit(training, v, 42);
        assertEquals(values(first.topics(spark)), values(second.topics(spark)));
        assertEquals(values(first.docTopics(training).orderBy(DOC_ID)), values(second.docTopics(training).orderBy(DOC_ID)));
        training.unpersist();
    }
}
