package nl.newsthemes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The job end to end on the real Dutch corpus in ../shared/corpora (skipped where that folder is absent). */
class RealCorpusTest extends SparkTestBase {
    @Test
    void nlNews2022LoadsEveryArticle(@TempDir Path dir) throws IOException {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the real-corpus test is skipped");
        Path out = dir.resolve("out");
        // Few topics and iterations, one k-means clustering for the start: this test is about reading and accounting
        // for every article and the theme tables; the topics' quality and stability are measured by
        // jobs/topics-bench.sh.
        Path config = dir.resolve("job.json");
        java.nio.file.Files.writeString(config, "{\"topics\": 5, \"lda_max_iterations\": 10, " + OneClustering.SETTING + "}");
        assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", shared.resolve("corpora/nl-news-2022.jsonl.gz").toString(),
                "--output", out.toString(), "--config", config.toString()}));

        assertEquals(List.of(List.of("2022-06", 1209L), List.of("2022-07", 6313L), List.of("2022-08", 5966L),
                        List.of("2022-09", 7176L)),
                values(spark.read().parquet(out.resolve("documents").toString()).groupBy(MONTH).count().orderBy(MONTH)));
        assertEquals(0, spark.read().parquet(out.resolve("rejects").toString()).count());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(20_664, manifest.at("/counts/loaded").asInt());
        assertEquals(0, manifest.at("/counts/rejected").asInt());
        assertEquals(5, manifest.at("/topics/used").asInt());
        // Every month has every theme: 4 months x the 8 bundled themes; every document every theme.
        assertEquals(8, nl.newsthemes.config.ThemeSet.load(null).names().size());
        assertEquals(4 * 8, spark.read().parquet(out.resolve("theme_monthly").toString()).count());
        assertEquals(20_664 * 8, spark.read().parquet(out.resolve("doc_themes").toString()).count());
        // 13 months and sources (2022-06 has only NOS articles), per theme; NOS in 2022-08 had 1,143 articles.
        var bySource = spark.read().parquet(out.resolve("theme_source_monthly").toString());
        assertEquals(13 * 8, bySource.count());
        assertEquals(1143L, bySource.filter("month = '2022-08' and source = 'nos' and theme = 'sanctions'")
                .first().<Long>getAs(ARTICLES));

        // Boilerplate: 59 sentences that 20 or more articles of their source have, the most widespread NRC's
        // "Nieuwsbrief" line; what the manifest says was taken out is what the documents lost.
        assertEquals(List.of(59, 6654, 2206), List.of(manifest.at("/boilerplate/sentences").asInt(),
                manifest.at("/boilerplate/removed_sentences").asInt(),
                manifest.at("/boilerplate/articles_with_removed_sentences").asInt()));
        assertEquals(List.of("nrc", "Nieuwsbrief", 1262), List.of(manifest.at("/boilerplate/most_frequent/0/source").asText(),
                manifest.at("/boilerplate/most_frequent/0/sentence").asText(),
                manifest.at("/boilerplate/most_frequent/0/articles").asInt()));
        assertEquals(20, manifest.at("/boilerplate/most_frequent").size());
        var documents = spark.read().parquet(out.resolve("documents").toString());
        assertEquals(List.of(List.of(6654L, 2206L)), values(documents.agg(
                org.apache.spark.sql.functions.sum(BOILERPLATE_SENTENCES),
                org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col(BOILERPLATE_SENTENCES).gt(0), true)))));
        // Languages: the 15 English articles are an artist's column in English (among them "Power to the collective");
        // the headlines and the few articles too short or too mixed to tell are read in Dutch, the first language.
        assertEquals("{\"en\":15,\"nl\":20649}", manifest.at("/languages/articles").toString());
        assertEquals(List.of(List.of(15L, 1L)), values(documents.filter("language = 'en'").agg(
                org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
                org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col(TITLE).equalTo("Power to the collective"), true)))));
        // With every sentence kept, NOS's "En bekijk hier de dienstregeling voor het spoor." stood in the evidence of
        // six theme hits; the evidence is cut from the text without it.
        assertEquals(0, spark.read().parquet(out.resolve("doc_themes").toString())
                .filter("exists(evidence, e -> e like '%dienstregeling voor het spoor%')").count());
    }
}
