package nl.newsthemes.features;

import nl.newsthemes.SparkTestBase;
import nl.newsthemes.text.Sentences;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BoilerplateTest extends SparkTestBase {
    private static final StructType ARTICLES = new StructType()
            .add(DOC_ID, DataTypes.StringType, false)
            .add(SOURCE, DataTypes.StringType)
            .add(TEXT, DataTypes.StringType);
    private static final String PROMO = "Wat moet je deze week zien, horen of luisteren?";

    /**
     * nrc: 30 articles, 25 of them end with the promotion (one of those twice, one with a double space in it), 20
     * with "Lees ook:" on a line of its own; parool: 10 articles that all have "Reageren?" and "The U.S. Army left.",
     * which the sentence rules cut after "U.S." into two pieces that are too short to be boilerplate; 3 articles without a
     * source, all with the promotion.
     */
    private static Dataset<Row> corpus() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            StringBuilder text = new StringBuilder("Nieuws nummer " + i + " over de sancties.");
            if (i < 25) {
                text.append(i == 3 ? " Wat moet je deze  week zien, horen of luisteren?" : " " + PROMO);
            }
            if (i == 4) {
                text.append(" ").append(PROMO);
            }
            if (i < 20) {
                text.append("\nLees ook:");
            }
            rows.add(RowFactory.create("nrc-" + i, "nrc", text.toString()));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(RowFactory.create("parool-" + i, "parool", "Bericht " + i + ". Reageren? The U.S. Army left."));
        }
        for (int i = 0; i < 3; i++) {
            rows.add(RowFactory.create("none-" + i, null, "Los " + i + ". " + PROMO));
        }
        rows.add(RowFactory.create("empty", "nrc", null));
        return spark.createDataFrame(rows, ARTICLES);
    }

    @Test
    void learnsTheSentencesThatManyArticlesOfASourceShare() {
        assertEquals(List.of(new Boilerplate.Repeated("nrc", PROMO, 25), new Boilerplate.Repeated("nrc", "Lees ook:", 20)),
                Boilerplate.learn(corpus(), 20, 0.0).sentences());
        // Ten articles are enough for parool's line, and the three without a source count as one source, "".
        assertEquals(List.of(new Boilerplate.Repeated("nrc", PROMO, 25), new Boilerplate.Repeated("nrc", "Lees ook:", 20),
                        new Boilerplate.Repeated("parool", "Reageren?", 10), new Boilerplate.Repeated("", PROMO, 3)),
                Boilerplate.learn(corpus(), 3, 0.0).sentences());
    }

    @Test
    void aShareOfTheSourceCanAskForMore() {
        // 31 nrc articles (the empty one too): a share of 0.7 asks for 22 of them, which "Lees ook:" misses.
        assertEquals(List.of(new Boilerplate.Repeated("nrc", PROMO, 25)), Boilerplate.learn(corpus(), 20, 0.7).sentences());
        // 0.81 of 31 asks for 26.
        assertEquals(List.of(), Boilerplate.learn(corpus(), 20, 0.81).sentences());
        assertEquals(List.of(), Boilerplate.learn(corpus(), 0, 0.0).sentences());
    }

    @Test
    void aCorpusCountedBelowTheMinimumIsNotRead() {
        // Every row fails when read: 19 articles in all cannot give a source 20, so nothing is read.
        Dataset<Row> unreadable = corpus().map((MapFunction<Row, Row>) r -> {
            throw new IllegalStateException("read");
        }, Encoders.row(ARTICLES));
        assertEquals(Boilerplate.none(), Boilerplate.learn(unreadable, 19, 20, 0.0));
        // 20 articles in all can: the first 20 nrc articles all have both lines.
        Dataset<Row> first20 = corpus().filter(col(DOC_ID).isin((Object[]) IntStream.range(0, 20)
                .mapToObj(i -> "nrc-" + i).toArray(String[]::new)));
        assertEquals(List.of(new Boilerplate.Repeated("nrc", "Lees ook:", 20), new Boilerplate.Repeated("nrc", PROMO, 20)),
                Boilerplate.learn(first20, 20, 20, 0.0).sentences());
    }

    @Test
    void aPieceOfASentenceIsNoBoilerplate() {
        assertEquals(List.of(true, true, true, true, false, false, false),
                List.of(Boilerplate.mayBeBoilerplate("Nieuwsbrief", true), Boilerplate.mayBeBoilerplate("Reageren?", false),
                        Boilerplate.mayBeBoilerplate("Goedemorgen!", false), Boilerplate.mayBeBoilerplate("Dat is aangepast.", false),
                        Boilerplate.mayBeBoilerplate("The U.S.", false), Boilerplate.mayBeBoilerplate("Sen.", false),
                        Boilerplate.mayBeBoilerplate("Read more", false)));
    }

    @Test
    void keepsTheSentencesThatStateATheme() {
        Boilerplate learned = Boilerplate.learn(corpus(), 3, 0.0);
        Boilerplate kept = learned.keeping(sentence -> sentence.startsWith("Lees"));
        assertEquals(List.of(new Boilerplate.Repeated("nrc", PROMO, 25), new Boilerplate.Repeated("parool", "Reageren?", 10),
                new Boilerplate.Repeated("", PROMO, 3)), kept.sentences());
        assertEquals(List.of(new Boilerplate.Repeated("nrc", "Lees ook:", 20)), kept.themeStatements());
        assertEquals(Map.of("nrc", Set.of(PROMO), "parool", Set.of("Reageren?"), "", Set.of(PROMO)), kept.bySource());
    }

    @Test
    void stripsOnlyTheSourcesOwnSentencesAndKeepsTheRest() {
        Map<String, Set<String>> bySource = new Boilerplate(List.of(new Boilerplate.Repeated("nrc", PROMO, 25),
                new Boilerplate.Repeated("nrc", "Lees ook:", 20)), List.of()).bySource();
        Sentences sentences = new Sentences();
        String text = "Nieuws over de sancties. Wat moet je deze  week zien, horen of luisteren? Slot.\nLees ook:";
        assertEquals(new Boilerplate.Stripped("Nieuws over de sancties.  Slot.\n", 2),
                Boilerplate.strip(text, "nrc", bySource, sentences));
        assertEquals(new Boilerplate.Stripped(text, 0), Boilerplate.strip(text, "parool", bySource, sentences));
        assertEquals(new Boilerplate.Stripped(text, 0), Boilerplate.strip(text, null, bySource, sentences));
        assertEquals(new Boilerplate.Stripped(null, 0), Boilerplate.strip(null, "nrc", bySource, sentences));
        assertEquals(new Boilerplate.Stripped(" ", 2), Boilerplate.strip(PROMO + " " + PROMO, "nrc", bySource, sentences));
    }
}
