package nl.newsthemes.features;

import nl.newsthemes.schema.Decimals;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * {@code terms_monthly}: per month the terms that set it apart, by TF-IDF with the IDF of MLlib's {@link IDF} fitted
 * over the whole corpus. A term's monthly score is its mean TF-IDF over the month's articles: the month's count of
 * the term times its IDF, divided by the month's articles. Counting first and weighting after gives exactly the mean
 * of the per-document TF-IDF vectors, with whole-number sums that do not depend on partitioning.
 *
 * <p>In: rows with month and the {@code terms} array. Out: month, rank, term (the surface word), tfidf.
 */
public final class DistinctiveTerms {
    private DistinctiveTerms() {
    }

    /** The IDF of every vocabulary term, fitted by MLlib over the {@code counts} vectors of the whole corpus. */
    public static double[] idf(Dataset<Row> counted) {
        IDFModel idf = new IDF().setInputCol(COUNTS).setOutputCol(TFIDF).fit(counted);
        return idf.idf().toArray();
    }

    /**
     * @param documents rows with month and the {@code terms} array
     * @param weights   {@link #idf} of the vocabulary's terms, same positions
     */
    public static Dataset<Row> perMonth(SparkSession spark, Dataset<Row> documents, Vocabulary vocabulary,
                                        double[] weights, int topN) {
        Dataset<Row> counted = documents;
        List<Row> termRows = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            termRows.add(RowFactory.create(vocabulary.terms().get(i), vocabulary.surfaces().get(i), weights[i]));
        }
        Dataset<Row> terms = spark.createDataFrame(termRows, new StructType()
                .add(TERM, DataTypes.StringType).add(WORD, DataTypes.StringType).add("idf", DataTypes.DoubleType));
        Dataset<Row> articles = counted.groupBy(MONTH).agg(count(lit(1)).as(ARTICLES));
        Dataset<Row> monthly = counted.select(col(MONTH), explode(col(TERMS)).as(TERM))
                .join(broadcast(terms), TERM)
                .groupBy(MONTH, TERM, WORD, "idf").agg(count(lit(1)).as("n"))
                .join(articles, MONTH)
                .withColumn(TFIDF, Decimals.rounded(col("n").multiply(col("idf")).divide(col(ARTICLES))));
        return monthly
                .withColumn(RANK, row_number().over(Window.partitionBy(MONTH).orderBy(desc(TFIDF), asc(WORD))))
                .filter(col(RANK).leq(topN))
                .select(col(MONTH), col(RANK), col(WORD).as(TERM), col(TFIDF));
    }
}
