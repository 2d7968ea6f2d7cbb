package nl.newsthemes.run;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times the pipeline's stages: one INFO line per stage, with what it produced and its seconds, for the people on
 * call; the same figures go into the manifest.
 */
public final class StageTimer {
    private static final Logger LOG = LogManager.getLogger("nl.newsthemes.stages");

    /** One finished stage. */
    public record Stage(String name, double seconds, String detail) {
    }

    private final List<Stage> stages = new ArrayList<>();
    /** The stage running now and since when (System.nanoTime), for {@link ProgressLog}; null between stages. */
    private volatile Running running;

    /** A stage that has started and not finished. */
    public record Running(String name, long startNanos) {
        public double seconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }

    /** Runs {@code work}, then logs and records {@code name} with the detail {@code describe} gives for its result. */
    public <T> T time(String name, Supplier<T> work, Function<T, String> describe) {
        long start = System.nanoTime();
        running = new Running(name, start);
        T result;
        try {
            result = work.get();
        } finally {
            running = null;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String detail = describe.apply(result);
        stages.add(new Stage(name, Math.round(seconds * 1000) / 1000.0, detail));
        LOG.info(String.format(Locale.ROOT, "stage %-16s %7.1f s  %s", name, seconds, LogText.oneLine(detail)));
        return result;
    }

    public Running running() {
        return running;
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }
}
