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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run per output folder at a time: a lock file beside the output folder ({@code .<name>.lock}), created
 * atomically, holding who holds it. A second run on the same output refuses at once, naming the holder.
 *
 * <p>A run killed outright cannot remove its lock, so the next run takes over a lock whose holder is provably gone:
 * a process of this host and pid namespace that no longer runs (or whose id now belongs to a process started later),
 * or a holder on any host whose heartbeat (the lock file's modification time, touched every {@link #HEARTBEAT}) is
 * older than {@link #STALE}. Of several runs that find the same dead lock, only the one that creates a takeover token
 * replaces it (see {@link #takeOver}); the others refuse as if the lock were live.
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
    private static final String UNKNOWN = "unknown";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What a lock file holds. The process is known by its id, the pid namespace it runs in (two containers on one host
     * share its name but not their process ids) and its start time (a process id is reused).
     */
    public record Holder(@JsonProperty("run_id") String runId, @JsonProperty("host") String host,
                         @JsonProperty("pid") long pid, @JsonProperty("started") String started,
                         @JsonProperty("pid_namespace") String pidNamespace,
                         @JsonProperty("process_started") String processStarted) {
        static Holder thisProcess(String runId) {
            ProcessHandle me = ProcessHandle.current();
            return new Holder(runId, hostName(), me.pid(), Instant.now().toString(), thisPidNamespace(), startOf(me));
        }

        /** Whether the holder's process id can be looked up here: the same host and the same pid namespace. */
        boolean processVisibleHere() {
            return pid > 0 && !UNKNOWN.equals(host) && host.equals(hostName())
                    && pidNamespace != null && !pidNamespace.isEmpty() && pidNamespace.equals(thisPidNamespace());
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
            // A few rounds: the holder may release its lock between our create and our read of it.
            for (int round = 0; round < 3; round++) {
                if (create(fs, file, me)) {
                    return new OutputLock(fs, file, me, heartbeat);
                }
                Holder other = read(fs, file);
                if (other == null) {
                    continue;
                }
                Optional<String> gone = gone(fs, file, other, stale);
                if (gone.isEmpty() || !takeOver(fs, file, other, gone.get(), me)) {
                    throw new OutputLockedException(target, file, other);
                }
                return new OutputLock(fs, file, me, heartbeat);
            }
            throw new OutputLockedException(target, file, read(fs, file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock output " + target + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** Why the holder is provably gone; empty when it may still run. */
    private static Optional<String> gone(FileSystem fs, Path file, Holder holder, Duration stale) throws IOException {
        if (holder.processVisibleHere()) {
            Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return Optional.of("its process " + holder.pid() + " no longer runs on this host");
            }
            String started = startOf(process.get());
            if (!started.isEmpty() && holder.processStarted() != null && !holder.processStarted().isEmpty()
                    && !started.equals(holder.processStarted())) {
                return Optional.of("its process id " + holder.pid() + " now belongs to another process");
            }
        }
        Optional<Duration> idle = idle(fs, file);
        return idle.filter(d -> d.compareTo(stale) > 0).map(d -> "its heartbeat stopped " + d.toSeconds() + " s ago");
    }

    private static Optional<Duration> idle(FileSystem fs, Path file) throws IOException {
        try {
            return Optional.of(Duration.ofMillis(System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the lock of a holder that is gone by this run's. Of several runs that found the same dead lock, only
     * the one that creates the takeover token goes on: it checks that the lock still names the dead holder, and only
     * then removes it and creates its own. A token that a run killed in these few milliseconds left behind is
     * removed once it is older than a minute.
     *
     * @return whether this run now holds the lock
     */
    private static boolean takeOver(FileSystem fs, Path file, Holder dead, String why, Holder me) throws IOException {
        Path token = new Path(file.getParent(), file.getName() + ".takeover");
        if (!create(fs, token, me)) {
            if (idle(fs, token).filter(d -> d.compareTo(Duration.ofMinutes(1)) > 0).isPresent()) {
                fs.delete(token, false);
            }
            return false;
        }
        try {
            if (!dead.equals(read(fs, file))) {
                return false;
            }
            fs.delete(file, false);
            if (!create(fs, file, me)) {
                return false;
            }
            LOG.warn("took over the lock {} of {}: {}", file, dead, why);
            return true;
        } finally {
            fs.delete(token, false);
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
            } catch (IOException e) {
                Files.deleteIfExists(local); // created but not written (a full disk): no lock that names nobody
                throw e;
            }
            return true;
        }
        try (FSDataOutputStream o = fs.create(file, false)) {
            o.write(json);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            fs.delete(file, false);
            throw e;
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
                return new Holder("unknown (unreadable lock file)", UNKNOWN, -1, UNKNOWN, "", "");
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

    /**
     * Whether the lock still names this run: a run whose heartbeat could not reach the lock for {@link #STALE} may
     * have lost it to another run, and must not publish then.
     */
    public boolean held() {
        try {
            return holder.equals(read(fs, file));
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock if this run still holds it. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            if (held()) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            // The run's outcome stands; the next run takes the lock over once this process is gone.
            LOG.warn("cannot release the lock {}: {}", file, e.getMessage());
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }

    /** This process's pid namespace on Linux (as /proc names it), empty elsewhere. */
    private static String thisPidNamespace() {
        try {
            return Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
