package nl.newsthemes.spark;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's code generation, turned off for a run whose input is small, unless the user set it.
 *
 * <p>Why: Spark compiles each new query plan, and the expressions in it, to Java classes (Janino) before the plan's
 * first task runs. A run of a few articles runs a few hundred different plans over a few rows each, and compiling them
 * costs more than evaluating them: with Spark's interpreted evaluation (its own fallback for code it cannot compile)
 * cold runs of a few hundred articles took less time, with the same outputs. On a real corpus the compiled code
 * pays for itself many times over, so from {@link #SMALL_INPUT_BYTES} of listed input on it stays on.
 */
public final class SmallInputCodegen {
    private static final Logger LOG = LogManager.getLogger(SmallInputCodegen.class);
    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

    /**
     * Listed input below which code generation is off: a few hundred articles. The size is that of the files on disk,
     * so a compressed file just below it holds several times the text, about as much as where the two ways were
     * measured to cost the same; plain JSON lines stop well short of that (README, "Performance").
     */
    static final long SMALL_INPUT_BYTES = 1L << 20;

    private SmallInputCodegen() {
    }

    static boolean interpreted(long inputBytes) {
        return inputBytes < SMALL_INPUT_BYTES;
    }

    /** Turns code generation off for {@code inputBytes} of listed input when it is small and nobody set either setting. */
    public static void sizeToInput(SparkSession spark, long inputBytes) {
        var conf = spark.sparkContext().getConf();
        if (!interpreted(inputBytes) || conf.contains(WHOLE_STAGE) || conf.contains(FACTORY_MODE)) {
            return;
        }
        spark.conf().set(WHOLE_STAGE, false);
        spark.conf().set(FACTORY_MODE, "NO_CODEGEN");
        LOG.info("code generation off for {} bytes of input (less than {}; not set by the user)", inputBytes,
                SMALL_INPUT_BYTES);
    }
}
