package nl.newsthemes.topics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;

/**
 * What {@code --topics auto} tried: for each number of topics, the mean NPMI of the fitted topics' top words and
 * the fit's seconds; the chosen one has the highest mean NPMI (the fewer topics on a tie). Coherence rather than
 * perplexity, because perplexity keeps improving with more topics while the topics get harder to name.
 *
 * @param points by number of topics
 */
public record TopicSweep(List<Point> points) {

    public record Point(int k, double meanNpmi, double seconds, boolean chosen) {
    }

    public static TopicSweep none() {
        return new TopicSweep(List.of());
    }

    /** The point with the highest mean NPMI, the smallest k on a tie. */
    public static int best(List<Point> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i);
            Point b = points.get(best);
            if (p.meanNpmi() > b.meanNpmi() || (p.meanNpmi() == b.meanNpmi() && p.k() < b.k())) {
                best = i;
            }
        }
        return best;
    }

    public static final StructType SCHEMA = new StructType()
            .add(K, DataTypes.IntegerType, false)
            .add(MEAN_NPMI, DataTypes.DoubleType, false)
            .add(SECONDS, DataTypes.DoubleType, false)
            .add(CHOSEN, DataTypes.BooleanType, false);

    /** The {@code topic_sweep} table (empty when the run did not sweep). */
    public Dataset<Row> table(SparkSession spark) {
        return spark.createDataFrame(points.stream()
                .map(p -> RowFactory.create(p.k(), p.meanNpmi(), p.seconds(), p.chosen())).toList(), SCHEMA);
    }
}
