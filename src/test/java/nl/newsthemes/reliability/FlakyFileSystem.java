package nl.newsthemes.reliability;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local file system, but the next {@link #OPENS_TO_FAIL} opens of an article file ({@code .txt}) fail with an
 * unexpected error: a real task failure in the middle of a run, as a bad disk or a lost executor gives, for Spark's
 * task retry to handle. Other files (the config file, which the driver reads through Hadoop before Spark starts) open
 * as usual. Registered for
 * {@code file:} with {@code spark.hadoop.fs.file.impl} (and the cache off, so the session gets a new one).
 */
public class FlakyFileSystem extends LocalFileSystem {
    static final AtomicInteger OPENS_TO_FAIL = new AtomicInteger();
    static final AtomicInteger FAILED = new AtomicInteger();

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        if (f.getName().endsWith(".txt") && OPENS_TO_FAIL.getAndDecrement() > 0) {
            FAILED.incrementAndGet();
            throw new IllegalStateException("injected fault: first open of " + f);
        }
        return super.open(f, bufferSize);
    }
}
