package nl.newsthemes.features;

import nl.newsthemes.text.Sentences;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Sentences that a source repeats verbatim under many of its articles: newsletter promotions, a column's standing
 * introduction, a subscription prompt. They are taken out of the text before it is analyzed, so that topics,
 * distinctive terms and theme evidence see the news and not the page around it.
 *
 * <p>Learned per source from the corpus, in Spark: a sentence is boilerplate when at least {@code minArticles} of the
 * source's articles have it, and at least {@code minShare} of them. The count keeps a small corpus whole (the five
 * sample articles lose nothing). The share keeps, in a very large corpus, the sentences that news repeats now and then
 * ("Er raakte niemand gewond."), and it bounds what the driver gathers: where a source's articles have s sentences on
 * average, at most s / minShare of its sentences reach that share, whatever the number of articles. Articles without a
 * source count as one source, named "".
 *
 * <p>A repeated sentence in which a theme rule finds words is kept ({@link #keeping}): it says something the themes
 * count, such as the paragraph on the Minsk agreements that RT prints under its articles on the war, and the labelled
 * sets count such articles as being about it.
 *
 * @param sentences       the boilerplate, the most widespread first: taken out of the text
 * @param themeStatements sentences repeated as widely, kept because a theme rule finds words in them
 */
public record Boilerplate(List<Repeated> sentences, List<Repeated> themeStatements) implements Serializable {
    /** A sentence (white space folded, see {@link Sentences#key}) and how many of its source's articles have it. */
    public record Repeated(String source, String sentence, long articles) implements Serializable {
    }

    /**
     * What a run took out: the boilerplate it used, and how many sentences it took out of how many articles.
     *
     * @param sentences sentences taken out of all documents
     * @param articles  documents that lost at least one
     */
    public record Removal(Boilerplate learned, long sentences, long articles) {
    }

    /** A text without its boilerplate, and how many sentences were taken out. */
    public record Stripped(String text, int removed) {
    }

    private static final String SENTENCE = "sentence";
    private static final String NEEDED = "needed";
    private static final StructType SENTENCES = new StructType()
            .add(SOURCE, DataTypes.StringType, false)
            .add(SENTENCE, DataTypes.StringType, false);

    public Boilerplate {
        sentences = List.copyOf(sentences);
        themeStatements = themeStatements == null ? List.of() : List.copyOf(themeStatements);
    }

    /** No boilerplate: {@link #strip} leaves every text as it is. */
    public static Boilerplate none() {
        return new Boilerplate(List.of(), List.of());
    }

    /** This boilerplate without the sentences {@code statesATheme} accepts, which move to {@link #themeStatements}. */
    public Boilerplate keeping(Predicate<String> statesATheme) {
        List<Repeated> out = new ArrayList<>();
        List<Repeated> kept = new ArrayList<>(themeStatements);
        for (Repeated r : sentences) {
            (statesATheme.test(r.sentence()) ? kept : out).add(r);
        }
        return new Boilerplate(out, kept);
    }

    /**
     * @param articles    rows with {@code source} and {@code text}
     * @param minArticles articles of a source that must have a sentence; 0 learns none
     * @param minShare    and the share of the source's articles that must have it
     */
    public static Boilerplate learn(Dataset<Row> articles, int minArticles, double minShare) {
        if (minArticles == 0) {
            return none();
        }
        Dataset<Row> sources = articles.select(coalesce(col(SOURCE), lit("")).as(SOURCE), col(TEXT));
        Dataset<Row> needed = sources.groupBy(SOURCE).count()
                .select(col(SOURCE), greatest(lit((long) minArticles), ceil(col("count").multiply(minShare))).as(NEEDED));
        Dataset<Row> counted = sources.flatMap(new DistinctSentences(), Encoders.row(SENTENCES))
                .groupBy(SOURCE, SENTENCE).agg(count(lit(1)).as(ARTICLES));
        List<Repeated> repeated = counted.join(broadcast(needed), SOURCE)
                .filter(col(ARTICLES).geq(col(NEEDED)))
                .orderBy(desc(ARTICLES), asc(SOURCE), asc(SENTENCE))
                .select(SOURCE, SENTENCE, ARTICLES).collectAsList().stream()
                .map(r -> new Repeated(r.getString(0), r.getString(1), r.getLong(2))).toList();
        return new Boilerplate(repeated, List.of());
    }

    /**
     * {@link #learn(Dataset, int, double)} for a corpus already counted: with fewer than {@code minArticles} articles in
     * all, no source has that many, and no Spark job is run to find that out (a small input such as the sample).
     *
     * @param articleCount the articles in {@code articles}
     */
    public static Boilerplate learn(Dataset<Row> articles, long articleCount, int minArticles, double minShare) {
        return articleCount < minArticles ? none() : learn(articles, minArticles, minShare);
    }

    /** Each source's boilerplate, to look sentences up in: build it once per task, not per article. */
    public Map<String, Set<String>> bySource() {
        Map<String, Set<String>> bySource = new HashMap<>();
        for (Repeated r : sentences) {
            bySource.computeIfAbsent(r.source(), s -> new HashSet<>()).add(r.sentence());
        }
        return bySource;
    }

    /**
     * {@code text} without the sentences of {@code bySource} that belong to its source; only those spans are cut,
     * the rest of the text (white space included) stays as it was.
     */
    public static Stripped strip(String text, String source, Map<String, Set<String>> bySource, Sentences sentences) {
        Set<String> boilerplate = bySource.get(source == null ? "" : source);
        if (boilerplate == null || text == null) {
            return new Stripped(text, 0);
        }
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        int removed = 0;
        for (Sentences.Span span : sentences.of(text)) {
            if (boilerplate.contains(Sentences.key(text, span))) {
                kept.append(text, from, span.start());
                from = span.end();
                removed++;
            }
        }
        if (removed == 0) {
            return new Stripped(text, 0);
        }
        return new Stripped(kept.append(text, from, text.length()).toString(), removed);
    }

    /**
     * Whether a sentence may be boilerplate at all: a whole line, a question or an exclamation ("Reageren?"), or three
     * words or more. A shorter piece that ends otherwise is mostly where the sentence rules broke after an abbreviation
     * ("U.S.", "The U.S.", "Sen."), a piece of a sentence that hundreds of articles have: taking it out would cut
     * words out of their sentences.
     */
    static boolean mayBeBoilerplate(String sentence, boolean wholeLine) {
        if (wholeLine || sentence.endsWith("?") || sentence.endsWith("!")) {
            return true;
        }
        return sentence.split(" ", 3).length == 3;
    }

    public int size() {
        return sentences.size();
    }

    /** Each article's distinct sentences, with its source: an article that repeats a line counts once for it. */
    private static final class DistinctSentences implements FlatMapFunction<Row, Row> {
        private transient Sentences splitter;

        @Override
        public Iterator<Row> call(Row article) {
            String text = article.getString(1);
            if (text == null || text.isBlank()) {
                return java.util.Collections.emptyIterator();
            }
            if (splitter == null) {
                splitter = new Sentences();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (Sentences.Span span : splitter.of(text)) {
                String key = Sentences.key(text, span);
                if (mayBeBoilerplate(key, span.wholeLine())) {
                    distinct.add(key);
                }
            }
            List<Row> rows = new ArrayList<>(distinct.size());
            for (String sentence : distinct) {
                rows.add(RowFactory.create(article.getString(0), sentence));
            }
            return rows.iterator();
        }
    }
}
