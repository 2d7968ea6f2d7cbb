package nl.newsthemes.features;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Two-word phrases learned from the corpus and used as single terms: {@code verenigde staten}, {@code witte huis},
 * {@code economische sancties}. A pair of content words next to each other (stopwords are already out, so
 * {@code akkoorden van minsk} is the pair {@code akkoord minsk}) becomes a phrase when it occurs at least
 * {@code minCount} times and its normalized PMI over the corpus's word pairs reaches {@code threshold}: with p the
 * share of all content words, NPMI = log(p(a b) / (p(a) p(b))) / -log p(a b), from -1 to 1, 1 for words that only
 * ever stand together. This is gensim's {@code Phrases} with its {@code npmi} scorer, counted in Spark.
 *
 * <p>A phrase's term is the two stems with a space between; its surface word is the two words as most often
 * written. {@link #apply} joins each phrase in a document's terms left to right, so in {@code a b c} with the phrases
 * {@code a b} and {@code b c} only {@code a b} is joined.
 *
 * @param pairs the phrases, each "stem1 stem2"
 */
public record Phrases(List<String> pairs) implements Serializable {

    /** No phrases: {@link #apply} leaves the terms as they are. */
    public static Phrases none() {
        return new Phrases(List.of());
    }

    /**
     * @param analyzed  rows with {@code terms} (content stems in text order)
     * @param minCount  occurrences a pair needs; 0 learns no phrases
     * @param threshold the NPMI a pair needs, above 0 and below 1
     * @param max       phrases kept at most, the most frequent first
     */
    public static Phrases learn(Dataset<Row> analyzed, int minCount, double threshold, int max) {
        if (minCount == 0) {
            return none();
        }
        Dataset<Row> terms = analyzed.select(TERMS);
        Dataset<Row> unigrams = terms.select(explode(col(TERMS)).as(TERM)).groupBy(TERM).count();
        Row total = unigrams.agg(coalesce(sum("count"), lit(0L))).first();
        long words = total.getLong(0);
        if (words == 0) {
            return none();
        }
        Dataset<Row> bigrams = terms.flatMap((FlatMapFunction<Row, String>) row -> {
                    List<String> t = row.getList(0);
                    List<String> pairs = new ArrayList<>(Math.max(0, t.size() - 1));
                    for (int i = 0; i + 1 < t.size(); i++) {
                        pairs.add(t.get(i) + " " + t.get(i + 1));
                    }
                    return pairs.iterator();
                }, Encoders.STRING())
                .groupBy("value").count().filter(col("count").geq(minCount))
                .select(col("value").as("pair"), col("count").as("ab"),
                        split(col("value"), " ").getItem(0).as("a"), split(col("value"), " ").getItem(1).as("b"));
        Dataset<Row> a = unigrams.select(col(TERM).as("a"), col("count").as("ca"));
        Dataset<Row> b = unigrams.select(col(TERM).as("b"), col("count").as("cb"));
        Dataset<Row> scored = bigrams.join(a, "a").join(b, "b")
                .withColumn("pab", col("ab").divide(lit((double) words)))
                .withColumn(NPMI, log(col("pab").divide(col("ca").divide(lit((double) words))
                        .multiply(col("cb").divide(lit((double) words))))).divide(negate(log(col("pab")))));
        List<String> pairs = scored.filter(col(NPMI).geq(threshold))
                .orderBy(desc("ab"), asc("pair")).limit(max)
                .select("pair").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
        return new Phrases(pairs);
    }

    public int size() {
        return pairs.size();
    }

    /**
     * The rows with each phrase in {@code terms} joined to one term, and the same words joined in {@code words};
     * every other column as it was.
     */
    public Dataset<Row> apply(Dataset<Row> analyzed) {
        if (pairs.isEmpty()) {
            return analyzed;
        }
        StructType schema = analyzed.schema();
        int termsAt = schema.fieldIndex(TERMS);
        int wordsAt = schema.fieldIndex(WORDS);
        Set<String> phrases = new HashSet<>(pairs);
        return analyzed.map((MapFunction<Row, Row>) row -> {
            List<String> terms = strings(row.get(termsAt));
            List<String> words = strings(row.get(wordsAt));
            List<String> joinedTerms = new ArrayList<>(terms.size());
            List<String> joinedWords = new ArrayList<>(terms.size());
            for (int i = 0; i < terms.size(); i++) {
                if (i + 1 < terms.size() && phrases.contains(terms.get(i) + " " + terms.get(i + 1))) {
                    joinedTerms.add(terms.get(i) + " " + terms.get(i + 1));
                    joinedWords.add(words.get(i) + " " + words.get(i + 1));
                    i++;
                } else {
                    joinedTerms.add(terms.get(i));
                    joinedWords.add(words.get(i));
                }
            }
            Object[] values = new Object[row.length()];
            for (int f = 0; f < values.length; f++) {
                values[f] = row.get(f);
            }
            values[termsAt] = joinedTerms.toArray(String[]::new);
            values[wordsAt] = joinedWords.toArray(String[]::new);
            return RowFactory.create(values);
        }, Encoders.row(schema));
    }

    /**
     * An array column's value as a list. Spark hands a map the rows of the operation before it as they were made
     * when it skips the serialization between them: then an array is the Java array that operation put in.
     */
    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return java.util.Arrays.asList(array);
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return (List<String>) scala.jdk.javaapi.CollectionConverters.asJava(seq);
        }
        return (List<String>) value;
    }
}
