package nl.newsthemes.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.SparkTestBase;
import nl.newsthemes.ThemesJob;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topics that keep their ids from run to run, on 240 real articles of nl-news-2022 with 5 topics: a refit starts from
 * the previous topics and continues each; a rerun of its night gives the same topics; {@code --model reuse}
 * transforms new articles with the saved model; a refit from scratch with another seed keeps the ids of the topics it
 * matches, gives new ids above every earlier one, and marks the rest vanished. The model is kept in a model folder,
 * whose LATEST names the last published run's version.
 */
class StableTopicsTest extends SparkTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLD_REFIT = OneClustering.config("one-clustering-cold-refit.json",
            "{" + OneClustering.SETTING + ", \"lda_warm_start\": false}");
    /** Night 2's registry: each topic continued from night 1's, with the similarity of its refined words to them. */
    private static final List<List<Object>> NIGHT_2_REGISTRY = List.of(
            List.of(0, "active", "2026-11-01", "2026-11-02", "0.999356"), List.of(1, "active", "2026-11-01", "2026-11-02", "0.996306"),
            List.of(2, "active", "2026-11-01", "2026-11-02", "0.99403"), List.of(3, "active", "2026-11-01", "2026-11-02", "0.99267"),
            List.of(4, "active", "2026-11-01", "2026-11-02", "0.992314"));

    @TempDir
    Path dir;

    @Test
    void topicsKeepTheirIdsAcrossRefitsAndReuse() throws IOException {
        Assumptions.assumeTrue(sharedDir() != null, "../shared/corpora is absent: the stable-topics test reads nl-news-2022");
        Map<String, List<ObjectNode>> byMonth = IncrementalRunTest.articlesByMonth(
                sharedDir().resolve("corpora/nl-news-2022.jsonl.gz"), 80);
        Path in = Files.createDirectories(dir.resolve("in"));
        List<ObjectNode> first = new ArrayList<>();
        for (String month : List.of("2022-07", "2022-08", "2022-09")) {
            first.addAll(byMonth.get(month).subList(0, 60));
        }
        IncrementalRunTest.write(in.resolve("a.jsonl"), first);
        Path out = dir.resolve("out");
        Path models = dir.resolve("models");

        // Night 1: the first model; ids 0 to 4.
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-01", "refit", 1));
        assertEquals(List.of(
                        List.of(0, "active", "2026-11-01", "2026-11-01", "null"), List.of(1, "active", "2026-11-01", "2026-11-01", "null"),
                        List.of(2, "active", "2026-11-01", "2026-11-01", "null"), List.of(3, "active", "2026-11-01", "2026-11-01", "null"),
                        List.of(4, "active", "2026-11-01", "2026-11-01", "null")),
                registry(out));
        String run1 = manifest(out).get("run_id").asText();
        assertEquals(run1, Files.readString(models.resolve("LATEST")).strip());

        // Night 2: a refit over the same input starts from night 1's topics and refines them: each keeps its id.
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-02", "refit", 1));
        List<List<Object>> topics2 = topics(out);
        assertEquals(NIGHT_2_REGISTRY, registry(out));
        JsonNode model2 = manifest(out).at("/topics/model");
        assertEquals(List.of("refit", run1, "5", "0", "0", run1), List.of(model2.get("policy").asText(),
                model2.get("previous_run").asText(), model2.get("topics_matched").asText(),
                model2.get("topics_new").asText(), model2.get("topics_vanished").asText(), model2.get("started_from").asText()));
        List<List<Object>> docTopics2 = docTopics(out);

        // Night 2 again, first with the model reused as it is, then refitted (a rerun over the same input): the refit
        // starts where night 2 started, from night 1's topics kept with night 2's model (and kept again by the reuse),
        // not from night 2's own, and gives the same topics and registry.
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-02", "reuse", 1));
        assertEquals(topics2, topics(out));
        String reuse2 = manifest(out).get("run_id").asText();
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-02", "refit", 1));
        assertEquals(topics2, topics(out));
        assertEquals(NIGHT_2_REGISTRY, registry(out));
        assertEquals(List.of(reuse2, run1), List.of(manifest(out).at("/topics/model/previous_run").asText(),
                manifest(out).at("/topics/model/started_from").asText()));
        assertEquals(docTopics2, docTopics(out));
        String rerun2 = manifest(out).get("run_id").asText();

        // Night 3: 60 more articles, transformed with the saved model: the same topics, the same shares for the
        // articles it had, and shares for the new ones.
        List<ObjectNode> more = new ArrayList<>(byMonth.get("2022-09").subList(60, 80));
        more.addAll(byMonth.get("2022-08").subList(60, 80));
        more.addAll(byMonth.get("2022-07").subList(60, 80));
        IncrementalRunTest.write(in.resolve("b.jsonl"), more);
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-03", "reuse", 1));
        assertEquals(topics2, topics(out));
        List<List<Object>> docTopics3 = docTopics(out);
        assertEquals(240, docTopics3.size());
        assertEquals(docTopics2, docTopics3.stream().filter(docTopics2::contains).toList(),
                "the articles of night 2 have the same topic shares");
        assertEquals("reuse", manifest(out).at("/topics/model/policy").asText());
        assertEquals(rerun2, manifest(out).at("/topics/model/previous_run").asText());
        assertEquals("2026-11-03", registry(out).get(0).get(3));

        // Later on night 3, a refit: it starts from the topics night 3 reused, as it would have without that run.
        String run3 = manifest(out).get("run_id").asText();
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-03", "refit", 1));
        JsonNode model3 = manifest(out).at("/topics/model");
        assertEquals(List.of(run3, rerun2, "5", "0"), List.of(model3.get("previous_run").asText(),
                model3.get("started_from").asText(), model3.get("topics_matched").asText(), model3.get("topics_new").asText()));
        // The registry keeps what night 3 recorded for each topic, as for any rerun of a night.
        assertEquals(List.of(
                List.of(0, "active", "2026-11-01", "2026-11-03", "1.0"), List.of(1, "active", "2026-11-01", "2026-11-03", "1.0"),
                List.of(2, "active", "2026-11-01", "2026-11-03", "1.0"), List.of(3, "active", "2026-11-01", "2026-11-03", "1.0"),
                List.of(4, "active", "2026-11-01", "2026-11-03", "1.0")), registry(out));

        // Night 4: a refit with another seed, from scratch (lda_warm_start off: as a first fit starts). On these
        // articles it finds all five topics again (cosine similarity 0.59 to 0.96 to the last model's): they keep
        // their ids, none is new and none vanished. (New and vanished ids: TopicRegistryTest.)
        assertEquals(ExitCode.DONE, run(in, out, models, "2026-11-04", "refit", 7, COLD_REFIT));
        JsonNode model4 = manifest(out).at("/topics/model");
        assertEquals(List.of(5, 0, 0), List.of(model4.get("topics_matched").asInt(), model4.get("topics_new").asInt(),
                model4.get("topics_vanished").asInt()));
        assertTrue(model4.get("started_from").isNull());
        assertEquals(List.of(
                List.of(0, "active", "2026-11-01", "2026-11-04", "0.961426"),
                List.of(1, "active", "2026-11-01", "2026-11-04", "0.857766"),
                List.of(2, "active", "2026-11-01", "2026-11-04", "0.585256"),
                List.of(3, "active", "2026-11-01", "2026-11-04", "0.720966"),
                List.of(4, "active", "2026-11-01", "2026-11-04", "0.719125")), registry(out));
        assertEquals(List.of(0, 1, 2, 3, 4), topics(out).stream().map(t -> t.get(0)).distinct().toList());

        // Reuse where there is no model: exit 2 before anything is written.
        assertEquals(ExitCode.BAD_CONFIG, run(in, dir.resolve("other"), dir.resolve("no-models"), "2026-11-05", "reuse", 1));
        assertTrue(Files.notExists(dir.resolve("other").resolve("manifest.json")));
    }

    private static ExitCode run(Path in, Path out, Path models, String runDate, String policy, int seed) {
        return run(in, out, models, runDate, policy, seed, OneClustering.config());
    }

    private static ExitCode run(Path in, Path out, Path models, String runDate, String policy, int seed, String config) {
        // The model folder as a file: URI, as a cluster gives an hdfs:// or s3a:// one.
        return ThemesJob.run(new String[]{"--input", in.toString(), "--output", out.toString(), "--model-dir",
                models.toUri().toString(), "--run-date", runDate, "--model", policy, "--seed", String.valueOf(seed),
                "--topics", "5", "--config", config});
    }

    /** doc_id and topic_distribution of doc_topics, by doc_id, read now (the next run replaces the files). */
    private List<List<Object>> docTopics(Path out) {
        return values(spark.read().parquet(out.resolve("doc_topics").toString()).select(DOC_ID, TOPIC_DISTRIBUTION).orderBy(DOC_ID));
    }

    /** topic, rank, term, weight of the topics table, in order. */
    private List<List<Object>> topics(Path out) {
        return values(spark.read().parquet(out.resolve("topics").toString()).select(TOPIC, RANK, TERM, WEIGHT).orderBy(TOPIC, RANK));
    }

    /** topic, status, first_seen, last_seen, similarity (as text) of the registry, by topic. */
    private List<List<Object>> registry(Path out) {
        return values(spark.read().parquet(out.resolve("topic_registry").toString())
                .select(col(TOPIC), col(STATUS), col(FIRST_SEEN), col(LAST_SEEN), col(SIMILARITY).cast("string"))
                .na().fill("null").orderBy(TOPIC));
    }

    private static JsonNode manifest(Path out) throws IOException {
        return JSON.readTree(out.resolve("manifest.json").toFile());
    }
}
