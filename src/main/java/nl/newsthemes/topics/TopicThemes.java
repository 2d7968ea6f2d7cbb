package nl.newsthemes.topics;

import nl.newsthemes.schema.Decimals;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.HashMap;
import java.util.Map;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Which theme each topic is closest to: over the modelled documents, the Pearson correlation between a document's
 * share of the topic and whether it has the theme (1 or 0). The closest theme is the one with the highest
 * correlation; a topic whose every correlation is at most 0, or that meets no theme, has none. Correlation rather
 * than overlap, so a theme that many documents have does not win every topic.
 */
public final class TopicThemes {
    /** A topic's closest theme and the correlation, rounded to 6 decimals. */
    public record Closest(String theme, double correlation) {
    }

    private TopicThemes() {
    }

    /**
     * @param docTopics doc_id, topic_distribution ({@link TopicModel#docTopics})
     * @param docThemes doc_id, theme, matched (one row per document and theme)
     * @param ids       the topic ids in the order of the distributions
     * @return the closest theme of each topic that has one, by topic id
     */
    public static Map<Integer, Closest> closest(Dataset<Row> docTopics, Dataset<Row> docThemes, int[] ids) {
        Dataset<Row> shares = TopicTables.topicShares(docTopics, ids, DOC_ID);
        Dataset<Row> flags = docThemes.select(col(DOC_ID), col(THEME), col(MATCHED).cast("double").as(MATCHED));
        // Spark's corr divides by zero (an error in ANSI mode) when a theme is in no document or in all: such a theme
        // says nothing about a topic, so the division is guarded here and the pair left out.
        Column deviations = stddev_pop(SHARE).multiply(stddev_pop(MATCHED));
        Dataset<Row> correlations = shares.join(flags, DOC_ID)
                .groupBy(TOPIC, THEME).agg(covar_pop(SHARE, MATCHED).as("covariance"), deviations.as("deviations"))
                .filter(col("deviations").gt(0))
                .withColumn("correlation", col("covariance").divide(col("deviations")))
                .filter(col("correlation").gt(0))
                .withColumn(RANK, row_number().over(Window.partitionBy(TOPIC).orderBy(desc("correlation"), asc(THEME))))
                .filter(col(RANK).equalTo(1));
        Map<Integer, Closest> closest = new HashMap<>();
        for (Row r : correlations.collectAsList()) {
            closest.put(r.getInt(r.fieldIndex(TOPIC)),
                    new Closest(r.getString(r.fieldIndex(THEME)), Decimals.round(r.getDouble(r.fieldIndex("correlation")))));
        }
        return closest;
    }
}
