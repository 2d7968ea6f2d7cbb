package nl.newsthemes.nightly;

import org.apache.hadoop.fs.Path;

/**
 * A state file the job wrote before (a watermark, a saved model) that it cannot read now: truncated by a full disk,
 * damaged, or written by another version. What it costs depends on the run: an incremental run falls back to a full
 * one (see {@link NightlyPlan}), {@code --model reuse} stops with exit code 2.
 */
public final class UnreadableStateException extends RuntimeException {
    private final transient Path file;

    UnreadableStateException(Path file, Throwable cause) {
        super(file + " cannot be read (" + firstLine(cause.getMessage()) + ")", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("").strip();
    }
}
