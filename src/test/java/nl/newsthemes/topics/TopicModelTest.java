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
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /** {@link #twoStories()} counted over their vocabulary, as LDA's training set (cached; the caller unpersists). */
    private record Counted(Vocabulary vocabulary, Dataset<Row> training) {
    }

    private static Counted countedTwoStories() {
        Dataset<Row> docs = twoStories();
        Vocabulary v = Vocabulary.fit(docs, 40, 100, 2, 1.0);
        return new Counted(v, LdaInput.trainingSet(v.countVectorizer().transform(docs), 3));
    }

    private static TopicModel fit(Counted stories, long seed) {
        return fit(stories, seed, null);
    }

    private static TopicModel fit(Counted stories, long seed, TopicStart start) {
        Dataset<Row> training = stories.training();
        return TopicModel.fit(spark, training, training.count(), 2, seed, new LdaSettings(30, 2.0, 1.0, true, true, 3),
                start, 6, 1.0, stories.vocabulary());
    }

    /** The sorted top six words of each topic, by position in the model. */
    private static List<List<String>> storiesByPosition(TopicModel model) {
        List<Row> topics = model.topics(spark).orderBy(TOPIC, RANK).collectAsList();
        return List.of(topics.subList(0, 6).stream().map(r -> r.<String>getAs(TERM)).sorted().toList(),
                topics.subList(6, 12).stream().map(r -> r.<String>getAs(TERM)).sorted().toList());
    }

    @Test
    void aRefitFromThePreviousTopicsKeepsTheirPlacesWhereItsOwnSeedWouldSwapThem() {
        Counted stories = countedTwoStories();
        Dataset<Row> training = stories.training();
        TopicModel previous = fit(stories, 1);
        TopicModel cold = fit(stories, 3);
        assertEquals(List.of(storiesByPosition(previous).get(1), storiesByPosition(previous).get(0)),
                storiesByPosition(cold), "seed 3 alone puts the two stories the other way round");

        TopicStart start = TopicStart.of("run-1", previous, stories.vocabulary().terms());
        TopicModel warm = fit(stories, 3, start);
        assertEquals(storiesByPosition(previous), storiesByPosition(warm), "from the previous topics, each stays where it was");
        assertEquals("run-1", warm.refitStart().from());
        assertNull(cold.refitStart());
        training.unpersist();
    }

    @Test
    void separatesTwoStoriesWithDistributionsThatSumToOne() {
        Counted stories = countedTwoStories();
        Dataset<Row> training = stories.training();
        TopicModel model = fit(stories, 1);

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
        Counted stories = countedTwoStories();
        Dataset<Row> training = stories.training();
        TopicModel first = fit(stories, 42);
        TopicModel second = fit(stories, 42);
        assertEquals(values(first.topics(spark)), values(second.topics(spark)));
        assertEquals(values(first.docTopics(training).orderBy(DOC_ID)), values(second.docTopics(training).orderBy(DOC_ID)));
        training.unpersist();
    }
}
