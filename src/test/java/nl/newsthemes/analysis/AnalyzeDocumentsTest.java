package nl.newsthemes.analysis;

import nl.newsthemes.SparkTestBase;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.ingest.ArticleRows;
import nl.newsthemes.text.Language;
import nl.newsthemes.themes.ThemeMatchers;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static nl.newsthemes.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each article read in its own language: detected, analyzed with that language's words, matched by its rules. */
class AnalyzeDocumentsTest extends SparkTestBase {
    /** A plain rule word matches by its stem, which the language decides: "countries" is "country" in English only. */
    private static final ThemeSet COUNTRY_RULE = ThemeSet.parse("""
            {"themes": [{"name": "countries", "threshold": 1, "rules": [{"weight": 1, "terms": ["country"]}]}]}""",
            "test");

    private static Row article(String id, String title, String text) {
        return RowFactory.create(id, "2022-03-01", "2022-03", "test", title, text, null, "file:/corpus/" + id, 0L, null,
                null);
    }

    private static Dataset<Row> articles() {
        return spark.createDataFrame(List.of(
                article("en", "Sanctions", "The West imposed new sanctions on Russia on Friday, officials said. "
                        + "The countries agreed to ban imports of Russian oil, according to a statement."),
                article("nl", "Sancties", "Het Westen heeft vrijdag nieuwe sancties tegen Rusland afgekondigd. "
                        + "De landen spraken af de invoer van Russische olie te verbieden, zo staat in een verklaring."),
                article("de", "Sanktionen", "Der Westen hat am Freitag neue Sanktionen gegen Russland verhängt. "
                        + "Die Länder einigten sich darauf, die Einfuhr von russischem Öl zu verbieten."),
                article("headline", "Sex and the City-acteur Willie Garson overleden", "")), ArticleRows.SCHEMA);
    }

    private static Map<String, Row> analyze(List<Language> languages) {
        Dataset<Row> analyzed = AnalyzeDocuments.apply(articles(), Boilerplate.none(),
                ThemeMatchers.compile(COUNTRY_RULE, languages, 2));
        Map<String, Row> byId = new TreeMap<>();
        analyzed.collectAsList().forEach(r -> byId.put(r.getAs(DOC_ID), r));
        return byId;
    }

    private static Map<String, String> languages(Map<String, Row> docs) {
        Map<String, String> languages = new TreeMap<>();
        docs.forEach((id, row) -> languages.put(id, row.getAs(LANGUAGE)));
        return languages;
    }

    private static List<String> terms(Row row) {
        return row.getList(row.fieldIndex(TERMS));
    }

    private static double score(Row row) {
        return row.<Row>getList(row.fieldIndex(THEMES)).get(0).getAs(SCORE);
    }

    @Test
    void eachArticleIsReadInItsLanguageAndTheOthersInTheFirst() {
        Map<String, Row> docs = analyze(List.of(Language.DUTCH, Language.ENGLISH));
        // A headline is too short to tell: it is read in the first language.
        assertEquals(Map.of("de", "de", "en", "en", "headline", "nl", "nl", "nl"), languages(docs));
        // English stopwords, filler words and stems for the English article ...
        assertEquals(List.of("sanction", "west", "impos", "new", "sanction", "russia", "offici", "countri", "agre", "ban",
                "import", "russian", "oil", "statement"), terms(docs.get("en")));
        // ... and its rules: "country" matches "countries" through the English stem.
        assertEquals(1.0, score(docs.get("en")));
        // The Dutch ones for the Dutch article, and for the German one, which no language read here fits.
        assertEquals(List.of("sancties", "west", "sancties", "rusland", "afgekondigd", "land", "sprak", "af", "invoer",
                "russisch", "olie", "verbied", "verklar"), terms(docs.get("nl")));
        assertEquals(List.of("sanktion", "west", "hat", "am", "freitag", "neue", "sanktion", "geg", "russland", "verhangt",
                "lander", "einigt", "sich", "darauf", "einfuhr", "von", "russischem", "ol", "zu", "verbiet"),
                terms(docs.get("de")));
        assertEquals(List.of("sex", "city", "acteur", "willie", "garson", "overled"), terms(docs.get("headline")));
    }

    @Test
    void withOneLanguageEveryArticleIsReadInItAndNothingIsDetected() {
        Map<String, Row> docs = analyze(List.of(Language.DUTCH));
        assertEquals(Map.of("de", "nl", "en", "nl", "headline", "nl", "nl", "nl"), languages(docs));
        assertEquals(List.of("sanction", "west", "imposed", "new", "sanction", "russia", "friday", "official", "countries",
                "agred", "ban", "import", "russian", "oil", "accord", "statement"), terms(docs.get("en")));
        // Read as Dutch, "countries" keeps its own stem and the rule word "country" misses it.
        assertEquals(0.0, score(docs.get("en")));
    }
}
