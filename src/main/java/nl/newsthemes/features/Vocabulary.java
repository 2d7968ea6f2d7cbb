package nl.newsthemes.features;

import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The terms the models work with, most frequent first, each with the surface word it is shown as: the word most
 * often written for that stem ({@code sancties} for the stem {@code sanctie}), so that no output shows a bare stem.
 *
 * <p>Built with Spark SQL rather than {@code CountVectorizer.fit}, which breaks ties between equally frequent terms
 * by partition order; here ties go by term, so the same corpus always gives the same vocabulary. The vectors are
 * made by MLlib's {@link CountVectorizerModel} over this vocabulary.
 *
 * @param terms    stems, by corpus frequency (descending), then stem
 * @param surfaces the surface word of each stem, same positions
 * @param docFreqs the number of documents each stem appears in
 */
public record Vocabulary(List<String> terms, List<String> surfaces, List<Long> docFreqs) implements Serializable {

    /**
     * @param analyzed   rows with {@code terms} and {@code words} arrays (see analysis.AnalyzeDocuments)
     * @param documents  number of rows of {@code analyzed}
     * @param minDocFreq a count of documents (1 or more) or a share of them (below 1)
     * @param maxDocFreq largest share of documents, applied from {@link #MAX_DOC_FREQ_FROM_DOCUMENTS} documents
     */
    public static Vocabulary fit(Dataset<Row> analyzed, long documents, int vocabSize, double minDocFreq,
                                 double maxDocFreq) {
        long minDocs = minDocFreq >= 1 ? (long) minDocFreq : (long) Math.ceil(minDocFreq * documents);
        long maxDocs = maxDocFreqApplies(documents) ? (long) Math.floor(maxDocFreq * documents) : documents;
        Dataset<Row> pairs = analyzed.select(explode(arrays_zip(col(TERMS), col(WORDS))).as("p"))
                .select(col("p." + TERMS).as(TERM), col("p." + WORDS).as(WORD));
        Dataset<Row> termStats = pairs.groupBy(TERM, WORD).count()
                .groupBy(TERM).agg(sum("count").as("tf"), max(struct(col("count"), col(WORD))).getField(WORD).as(WORD));
        Dataset<Row> docFreq = analyzed.select(explode(array_distinct(col(TERMS))).as(TERM)).groupBy(TERM).count()
                .withColumnRenamed("count", "df");
        List<Row> rows = termStats.join(docFreq, TERM)
                .filter(col("df").geq(Math.max(1, minDocs)).and(col("df").leq(maxDocs)))
                .orderBy(desc("tf"), asc(TERM))
                .limit(vocabSize)
                .collectAsList();
        return new Vocabulary(rows.stream().map(r -> r.<String>getAs(TERM)).toList(),
                rows.stream().map(r -> r.<String>getAs(WORD)).toList(),
                rows.stream().map(r -> r.<Long>getAs("df")).toList());
    }

    /**
     * Below this many documents a maximum document frequency would remove most words (with 5 articles about one
     * story, every name is in more than half of them), so it is not applied.
     */
    public static final long MAX_DOC_FREQ_FROM_DOCUMENTS = 100;

    public static boolean maxDocFreqApplies(long documents) {
        return documents >= MAX_DOC_FREQ_FROM_DOCUMENTS;
    }

    public int size() {
        return terms.size();
    }

    /**
     * The MLlib model that turns a {@code terms} array into a vector over this vocabulary: 1 for each term the
     * document has, however often. LDA then models which words an article uses, not how often it repeats them: a
     * name said ten times in one article would otherwise pull its topic toward that one article (README's "Topics"
     * has what it did to coherence). IDF and coherence count documents, so they are the same either way.
     */
    public CountVectorizerModel countVectorizer() {
        return new CountVectorizerModel(terms.toArray(String[]::new)).setInputCol(TERMS).setOutputCol(COUNTS)
                .setBinary(true);
    }
}
