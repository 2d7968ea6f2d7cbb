package nl.newsthemes;

import nl.newsthemes.run.StageTimer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line every few seconds while a stage runs, so that someone watching a long night's log sees the job
 * move: the pipeline stage and its seconds so far, and the tasks Spark has done in its active stages. Stages that
 * end sooner than the interval print only their one INFO line from {@link StageTimer}.
 */
public final class ProgressLog implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger("nl.newsthemes.progress");

    private final ScheduledExecutorService ticker;

    private ProgressLog(ScheduledExecutorService ticker) {
        this.ticker = ticker;
    }

    public static ProgressLog start(SparkSession spark, StageTimer timer, int everySeconds) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "news-themes-progress");
            t.setDaemon(true);
            return t;
        });
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        ticker.scheduleAtFixedRate(() -> log(timer, tracker), everySeconds, everySeconds, TimeUnit.SECONDS);
        return new ProgressLog(ticker);
    }

    private static void log(StageTimer timer, SparkStatusTracker tracker) {
        StageTimer.Running stage = timer.running();
        if (stage == null) {
            return;
        }
        int done = 0;
        int total = 0;
        int[] active = tracker.getActiveStageIds();
        for (int id : active) {
            scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
            if (info.isDefined()) {
                done += info.get().numCompletedTasks();
                total += info.get().numTasks();
            }
        }
        LOG.info(String.format(Locale.ROOT, "stage %-16s running for %.0f s; Spark: %d active stages %s, %d of %d tasks done",
                stage.name(), stage.seconds(), active.length, Arrays.toString(active), done, total));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
