package nl.newsthemes.analysis;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.features.Boilerplate;
import nl.newsthemes.text.Language;
import nl.newsthemes.text.LanguageIdentifier;
import nl.newsthemes.text.Sentences;
import nl.newsthemes.text.TextAnalyzer;
import nl.newsthemes.text.TextNormalizer;
import nl.newsthemes.text.Token;
import nl.newsthemes.themes.ThemeHit;
import nl.newsthemes.themes.ThemeMatchers;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static nl.newsthemes.schema.Columns.*;

/**
 * The text stage: each article's language is detected, and its title and text are normalized and split into words
 * once, in that language (see {@link ThemeMatchers} for the languages read); that one analysis
 * feeds both the features (content stems and their surface words) and the theme rules (which need every word, with
 * offsets for evidence). The source's boilerplate sentences are cut out of the text first, so that neither the
 * features nor the evidence ever see one. Reading 70 million characters twice would cost more than any other stage. It has a package
 * of its own, above {@code text} and {@code themes}, so that those two depend one way (themes on text).
 *
 * <p>In: doc_id, date, month, source, title, text, url, path, position. Out: doc_id, date, month, source,
 * {@code language}, title, url, path, position,
 * {@code tokens} (number of content words), {@code boilerplate_sentences}, {@code terms}, {@code words},
 * {@code themes} (one struct per theme).
 */
public final class AnalyzeDocuments {
    public static final StructType THEME_HIT = new StructType()
            .add(THEME, DataTypes.StringType, false)
            .add(SCORE, DataTypes.DoubleType, false)
            .add(MATCHED, DataTypes.BooleanType, false)
            .add(MATCHED_TERMS, new ArrayType(DataTypes.StringType, false), false)
            .add(EVIDENCE, new ArrayType(DataTypes.StringType, false), false);

    public static final StructType SCHEMA = new StructType()
            .add(DOC_ID, DataTypes.StringType, false)
            .add(DATE, DataTypes.StringType)
            .add(MONTH, DataTypes.StringType)
            .add(SOURCE, DataTypes.StringType)
            .add(LANGUAGE, DataTypes.StringType, false)
            .add(TITLE, DataTypes.StringType)
            .add(URL, DataTypes.StringType)
            .add(PATH, DataTypes.StringType)
            .add(POSITION, DataTypes.LongType, false)
            .add(TOKENS, DataTypes.IntegerType, false)
            .add(BOILERPLATE_SENTENCES, DataTypes.IntegerType, false)
            .add(TERMS, new ArrayType(DataTypes.StringType, false), false)
            .add(WORDS, new ArrayType(DataTypes.StringType, false), false)
            .add(THEMES, new ArrayType(THEME_HIT, false), false);

    private AnalyzeDocuments() {
    }

    public static Dataset<Row> apply(Dataset<Row> articles, Boilerplate boilerplate, ThemeMatchers matchers) {
        Dataset<Row> input = articles.select(DOC_ID, DATE, MONTH, SOURCE, TITLE, TEXT, URL, PATH, POSITION);
        return input.mapPartitions(new Analyze(boilerplate, matchers), Encoders.row(SCHEMA));
    }

    /**
     * The boilerplate of {@code articles} with the thresholds of {@code config}, without the sentences in which a theme
     * rule finds words in any of the languages read: those stay in the text (see {@link Boilerplate}).
     */
    public static Boilerplate learnBoilerplate(Dataset<Row> articles, JobConfig config, ThemeMatchers matchers) {
        return keepingThemeStatements(Boilerplate.learn(articles, config.boilerplateMinArticles(),
                config.boilerplateMinShare()), matchers);
    }

    /** {@link #learnBoilerplate(Dataset, JobConfig, ThemeMatchers)} of {@code articleCount} articles, counted before. */
    public static Boilerplate learnBoilerplate(Dataset<Row> articles, long articleCount, JobConfig config,
                                               ThemeMatchers matchers) {
        return keepingThemeStatements(Boilerplate.learn(articles, articleCount, config.boilerplateMinArticles(),
                config.boilerplateMinShare()), matchers);
    }

    private static Boilerplate keepingThemeStatements(Boilerplate learned, ThemeMatchers matchers) {
        Map<Language, TextAnalyzer> analyzers = matchers.analyzers();
        return learned.keeping(sentence -> {
            String text = fullText(null, sentence);
            return analyzers.values().stream().anyMatch(analyzer -> matchers.in(analyzer.language())
                    .match(text, analyzer.tokens(text)).stream().anyMatch(hit -> !hit.matchedTerms().isEmpty()));
        });
    }

    /** The article as analyzed: the title, a blank line, the text (what evidence snippets quote from). */
    public static String fullText(String title, String text) {
        String body = text == null ? "" : text;
        return TextNormalizer.normalize(title == null || title.isBlank() ? body : title.strip() + "\n\n" + body);
    }

    private record Analyze(Boilerplate boilerplate, ThemeMatchers matchers) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Map<Language, TextAnalyzer> analyzers = matchers.analyzers();
            Function<String, String> languageOf = languageOf(matchers);
            Map<String, Set<String>> bySource = boilerplate.bySource();
            Sentences sentences = new Sentences();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return analyze(rows.next(), analyzers, languageOf, bySource, sentences);
                }
            };
        }

        /**
         * The language of a text: with one language read, that one without asking (no model is loaded); else the
         * detector's, and the first language read when it is unsure.
         */
        private static Function<String, String> languageOf(ThemeMatchers matchers) {
            String fallback = matchers.fallback().code();
            if (!matchers.identifiesLanguages()) {
                return text -> fallback;
            }
            LanguageIdentifier identifier = new LanguageIdentifier();
            return text -> {
                String detected = identifier.identify(text);
                return detected == null ? fallback : detected;
            };
        }

        private Row analyze(Row article, Map<Language, TextAnalyzer> analyzers, Function<String, String> languageOf,
                            Map<String, Set<String>> bySource, Sentences sentences) {
            Boilerplate.Stripped body = Boilerplate.strip(article.getAs(TEXT), article.getAs(SOURCE), bySource, sentences);
            String text = fullText(article.getAs(TITLE), body.text());
            String language = languageOf.apply(text);
            Language readAs = matchers.readAs(language);
            List<Token> tokens = analyzers.get(readAs).tokens(text);
            List<String> terms = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (Token token : tokens) {
                if (token.content()) {
                    terms.add(token.stem());
                    words.add(token.word());
                }
            }
            List<Row> themes = new ArrayList<>();
            for (ThemeHit hit : matchers.in(readAs).match(text, tokens)) {
                themes.add(RowFactory.create(hit.theme(), hit.score(), hit.matched(),
                        hit.matchedTerms().toArray(String[]::new), hit.evidence().toArray(String[]::new)));
            }
            return RowFactory.create(article.getAs(DOC_ID), article.getAs(DATE), article.getAs(MONTH),
                    article.getAs(SOURCE), language, article.getAs(TITLE), article.getAs(URL), article.getAs(PATH),
                    article.<Long>getAs(POSITION), terms.size(), body.removed(), terms.toArray(String[]::new),
                    words.toArray(String[]::new), themes.toArray());
        }
    }
}
