package nl.newsthemes.topics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.posexplode;

/** The schemas of the three topic tables, and what a run that fitted no topics writes for them. */
public final class TopicTables {
    /**
     * One row per document and topic: the {@code keep} columns of {@code docTopics}, the topic's id (the distribution
     * holds the topics by position, {@code ids} names them) and its share of the document.
     */
    public static Dataset<Row> topicShares(Dataset<Row> docTopics, int[] ids, String... keep) {
        Column idList = array(Arrays.stream(ids).mapToObj(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
        Column[] kept = Arrays.stream(keep).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Column[] exploded = Stream.concat(Arrays.stream(kept),
                Stream.of(posexplode(col(TOPIC_DISTRIBUTION)).as(new String[]{"_position", SHARE}))).toArray(Column[]::new);
        Column[] named = Stream.concat(Arrays.stream(kept), Stream.of(element_at(idList, col("_position").plus(1)).as(TOPIC),
                col(SHARE))).toArray(Column[]::new);
        return docTopics.select(exploded).select(named);
    }

    private TopicTables() {
    }

    static final StructType TOPICS = new StructType()
            .add(TOPIC, DataTypes.IntegerType, false)
            .add(RANK, DataTypes.IntegerType, false)
            .add(TERM, DataTypes.StringType, false)
            .add(WEIGHT, DataTypes.DoubleType, false)
            .add(LABEL, DataTypes.StringType, false)
            .add(NPMI, DataTypes.DoubleType, false)
            .add(CLOSEST_THEME, DataTypes.StringType, true)
            .add(THEME_CORRELATION, DataTypes.DoubleType, true);

    public static final StructType DOC_TOPICS = new StructType()
            .add(DOC_ID, DataTypes.StringType).add(MONTH, DataTypes.StringType)
            .add(DOMINANT_TOPIC, DataTypes.IntegerType).add(DOMINANT_SHARE, DataTypes.DoubleType)
            .add(TOPIC_DISTRIBUTION, new ArrayType(DataTypes.DoubleType, true));

    public static final StructType TOPIC_MONTHLY = new StructType()
            .add(MONTH, DataTypes.StringType).add(TOPIC, DataTypes.IntegerType).add(LABEL, DataTypes.StringType)
            .add(MEAN_SHARE, DataTypes.DoubleType).add(DOMINANT_ARTICLES, DataTypes.LongType);

    /** An empty table of {@code schema}. */
    public static Dataset<Row> empty(SparkSession spark, StructType schema) {
        return spark.createDataFrame(List.of(), schema);
    }

    /** An empty {@code topics} table. */
    public static Dataset<Row> noTopics(SparkSession spark) {
        return empty(spark, TOPICS);
    }
}
