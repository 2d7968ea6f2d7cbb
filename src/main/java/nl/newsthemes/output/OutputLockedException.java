package nl.newsthemes.output;

import org.apache.hadoop.fs.Path;

/** Another run holds the lock of the output folder (see {@link OutputLock}): this run wrote nothing. */
public final class OutputLockedException extends RuntimeException {
    public OutputLockedException(Path target, Path lockFile, OutputLock.Holder holder) {
        super("output " + target + " is in use by " + (holder == null ? "another run" : holder)
                + ": wait for that run to finish; if it is gone and its host is another, its lock (" + lockFile
                + ") frees itself " + OutputLock.STALE.toMinutes() + " minutes after its last heartbeat, or remove that file");
    }
}
