package nl.newsthemes.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run per output folder at a time: a lock file beside the output folder ({@code .<name>.lock}), created
 * atomically, holding who holds it. A second run on the same output refuses at once, naming the holder.
 *
 * <p>A run killed outright cannot remove its lock, so the next run takes over a lock whose holder is provably gone:
 * a process of this host that no longer runs, or a holder on any host whose heartbeat (the lock file's modification
 * time, touched every {@link #HEARTBEAT}) is older than {@link #STALE} (on this host too: a process id is reused). The takeover renames the old lock away before
 * creating its own, so of two runs that find the same dead lock only one wins the rename.
 *
 * <p>Atomic creation is what makes the lock: {@code java.nio}'s CREATE_NEW on a local disk (Hadoop's local file
 * system checks and then creates), {@code create} without overwrite on HDFS. An object store has no atomic create;
 * there the lock keeps apart runs that start more than a few seconds apart.
 */
public final class OutputLock implements AutoCloseable {
    /** How often a live run touches its lock. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** A lock untouched this long belongs to a run that is gone, on whatever host it ran. */
    static final Duration STALE = Duration.ofMinutes(10);

    private static final Logger LOG = LogManager.getLogger(OutputLock.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a lock file holds. */
    public record Holder(@JsonProperty("run_id") String runId, @JsonProperty("host") String host,
                         @JsonProperty("pid") long pid, @JsonProperty("started") String started) {
        static Holder thisProcess(String runId) {
            return new Holder(runId, hostName(), ProcessHandle.current().pid(), Instant.now().toString());
        }

        @Override
        public String toString() {
            return "run " + runId + " (host " + host + ", pid " + pid + ", started " + started + ")";
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final Holder holder;
    private final ScheduledExecutorService heartbeat;

    private OutputLock(FileSystem fs, Path file, Holder holder, Duration every) {
        this.fs = fs;
        this.file = file;
        this.holder = holder;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::touch, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The lock file of an output folder. */
    public static Path fileOf(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".lock");
    }

    /**
     * Takes the lock of {@code target} for the run {@code runId}.
     *
     * @throws OutputLockedException when a live run holds it
     */
    public static OutputLock acquire(FileSystem fs, Path target, String runId) {
        return acquire(fs, target, runId, HEARTBEAT, STALE);
    }

    static OutputLock acquire(FileSystem fs, Path target, String runId, Duration heartbeat, Duration stale) {
        Path file = fileOf(target);
        Holder me = Holder.thisProcess(runId);
        try {
            if (!create(fs, file, me)) {
                Holder other = read(fs, file);
                String gone = gone(fs, file, other, stale);
                if (gone == null) {
                    throw new OutputLockedException(target, file, other);
                }
                takeOver(fs, file, runId, other, gone);
                if (!create(fs, file, me)) {
                    throw new OutputLockedException(target, file, read(fs, file));
                }
            }
            return new OutputLock(fs, file, me, heartbeat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock output " + target + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** Why the holder is provably gone, or null when it may still run. */
    private static String gone(FileSystem fs, Path file, Holder holder, Duration stale) throws IOException {
        if (holder == null) {
            return null; // removed in between: the create after it decides
        }
        if (holder.host().equals(hostName()) && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true)) {
            return "its process " + holder.pid() + " no longer runs on this host";
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(file);
        } catch (FileNotFoundException e) {
            return null;
        }
        Duration idle = Duration.ofMillis(System.currentTimeMillis() - status.getModificationTime());
        return idle.compareTo(stale) > 0 ? "its heartbeat stopped " + idle.toSeconds() + " s ago" : null;
    }

    private static void takeOver(FileSystem fs, Path file, String runId, Holder other, String why) throws IOException {
        Path aside = new Path(file.getParent(), file.getName() + ".stale-" + runId);
        // Only one of two runs that found the same dead lock can rename it; the other then finds the winner's lock.
        if (fs.rename(file, aside)) {
            LOG.warn("took over the lock {} of {}: {}", file, other, why);
            fs.delete(aside, false);
        }
    }

    /** Creates the lock file holding {@code holder}; false if it exists. */
    private static boolean create(FileSystem fs, Path file, Holder holder) throws IOException {
        byte[] json = JSON.writeValueAsBytes(holder);
        if (fs instanceof LocalFileSystem || "file".equals(fs.getUri().getScheme())) {
            java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(file).toUri());
            Files.createDirectories(local.getParent());
            try (OutputStream o = Files.newOutputStream(local, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                o.write(json);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            }
            return true;
        }
        try (FSDataOutputStream o = fs.create(file, false)) {
            o.write(json);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        return true;
    }

    /** The holder a lock file names, or null if it is gone; a lock file that cannot be read names an unknown holder. */
    private static Holder read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            byte[] bytes = in.readAllBytes();
            try {
                return JSON.readValue(bytes, Holder.class);
            } catch (IOException e) {
                // Written by a run killed while it wrote the lock (a few bytes): only its age can free it.
                return new Holder("unknown (unreadable lock file)", "unknown", -1, "unknown");
            }
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private void touch() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            LOG.warn("cannot touch the lock {}: {}", file, e.getMessage());
        }
    }

    public Holder holder() {
        return holder;
    }

    /** Releases the lock if this run still holds it. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Holder now = read(fs, file);
            if (now != null && holder.runId().equals(now.runId())) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
