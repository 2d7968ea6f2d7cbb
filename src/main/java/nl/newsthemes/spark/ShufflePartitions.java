package nl.newsthemes.spark;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's shuffle partitions, sized to the run's input when nobody chose a number.
 *
 * <p>Why: Spark's own default, 200, suits a large corpus, but most nights read a few days of news, and every
 * DataFrame the job caches keeps the partitions of the shuffle that made it (adaptive execution does not coalesce a
 * cached plan's last shuffle), so each later pass over it runs that many tasks of a few rows each. A run of the
 * five sample articles on a two-executor standalone cluster ran about ten thousand tasks that way, nearly all of
 * them empty. On one machine the same holds at a smaller scale: each task of a few rows still costs the
 * deserialization of its plan, and with eight partitions a third of a sample run went to such tasks. A local run
 * never gets more than {@link #LOCAL_MOST} (or one per core, where there are more cores): more would only add tasks.
 *
 * <p>The outputs do not depend on the number: the job partitions its LDA input by a fixed number of documents per
 * partition and sorts every CSV (ClusterSubmitIT compares a cluster run with a local one).
 */
public final class ShufflePartitions {
    private static final Logger LOG = LogManager.getLogger(ShufflePartitions.class);
    static final String SETTING = "spark.sql.shuffle.partitions";

    /** Listed input bytes per shuffle partition: a few thousand articles, as a local run's eight partitions hold. */
    static final long INPUT_BYTES_PER_PARTITION = 4L << 20;

    /** Spark's own default, which adaptive execution coalesces where the data turns out small. */
    static final int MOST = 200;

    /** The most a local master gets: the number local runs had before they were sized to their input. */
    static final int LOCAL_MOST = 8;

    private ShufflePartitions() {
    }

    /**
     * Partitions for {@code inputBytes} of listed input on a cluster of {@code parallelism} cores: one per
     * {@link #INPUT_BYTES_PER_PARTITION}, at least one per core and at most {@link #MOST}.
     */
    static int forInput(long inputBytes, int parallelism) {
        long bytes = Math.max(0, inputBytes);
        long byInput = bytes / INPUT_BYTES_PER_PARTITION + (bytes % INPUT_BYTES_PER_PARTITION == 0 ? 0 : 1);
        return (int) Math.min(MOST, Math.max(Math.max(1, parallelism), byInput));
    }

    /** {@link #forInput}, at most {@link #LOCAL_MOST} or the number of cores, whichever is more. */
    static int forLocalInput(long inputBytes, int parallelism) {
        return Math.min(Math.max(LOCAL_MOST, parallelism), forInput(inputBytes, parallelism));
    }

    /**
     * Sets the session's shuffle partitions for {@code inputBytes} of input when the user (spark-submit's
     * {@code --conf}, spark-defaults.conf, the job's {@code shuffle_partitions}) chose no number.
     */
    public static void sizeToInput(SparkSession spark, long inputBytes) {
        var context = spark.sparkContext();
        if (context.getConf().contains(SETTING)) {
            return;
        }
        int parallelism = context.defaultParallelism();
        int partitions = context.isLocal() ? forLocalInput(inputBytes, parallelism) : forInput(inputBytes, parallelism);
        spark.conf().set(SETTING, partitions);
        LOG.info("{} = {} for {} bytes of input on {} cores (not set by the user)", SETTING, partitions, inputBytes,
                parallelism);
    }
}
