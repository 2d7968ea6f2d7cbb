package nl.newsthemes.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;

/** The schemas of the three topic tables, and what a run that fitted no topics writes for them. */
public final class TopicTables {
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
