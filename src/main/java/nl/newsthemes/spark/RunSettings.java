package nl.newsthemes.spark;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime settings of the session that the job sizes to one run's input ({@link ShufflePartitions},
 * {@link SmallInputCodegen}), put back as they were when the run ends.
 *
 * <p>Why: a session the job did not start (a notebook's) outlives the run, and a notebook's next query over a large
 * table should not run with the two shuffle partitions or the interpreted evaluation that suited five articles.
 */
public final class RunSettings implements AutoCloseable {
    /** The settings {@link #sizeTo} may set. */
    private static final String[] SIZED = {ShufflePartitions.SETTING, SmallInputCodegen.WHOLE_STAGE,
            SmallInputCodegen.FACTORY_MODE};

    private final RuntimeConfig conf;
    private final Map<String, Optional<String>> before = new LinkedHashMap<>();

    private RunSettings(SparkSession spark) {
        this.conf = spark.conf();
        for (String key : SIZED) {
            before.put(key, conf.contains(key) ? Optional.of(conf.get(key)) : Optional.empty());
        }
    }

    /** Records the session's settings as they are now, then sizes them to {@code inputBytes} of listed input. */
    public static RunSettings sizeTo(SparkSession spark, long inputBytes) {
        RunSettings before = new RunSettings(spark);
        ShufflePartitions.sizeToInput(spark, inputBytes);
        SmallInputCodegen.sizeToInput(spark, inputBytes);
        return before;
    }

    /** Puts every sized setting back: its earlier value, or unset where it had none. */
    @Override
    public void close() {
        before.forEach((key, value) -> value.ifPresentOrElse(v -> conf.set(key, v), () -> conf.unset(key)));
    }
}
