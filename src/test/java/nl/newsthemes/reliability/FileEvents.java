package nl.newsthemes.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits for a child process to create or change a file, woken by events and never by a timer: the file system's (a
 * {@link WatchService}: inotify on Linux, so a file is seen as soon as the process creates, renames or writes it) and
 * the process's end ({@link Process#onExit()}), with a deadline. A test that kills the job at such a file kills it
 * right after the file appeared, instead of up to a sleep later.
 */
public final class FileEvents {
    private FileEvents() {
    }

    /** What the test looks for: the path it waits for, or empty while it is not there. */
    @FunctionalInterface
    public interface Find {
        Optional<Path> find() throws IOException;
    }

    /** The process's log, for the failure messages. */
    @FunctionalInterface
    public interface Log {
        String text() throws IOException;
    }

    /** {@link #await(Path, int, Process, Log, Duration, String, Find)} with the log in a file. */
    public static Path await(Path root, int depth, Process job, Path log, Duration timeout, String what, Find find)
            throws IOException, InterruptedException {
        return await(root, depth, job, () -> Files.readString(log), timeout, what, find);
    }

    /**
     * Waits until {@code find} finds its path, looking again at each entry created or changed in {@code root} or in a
     * folder under it down to {@code depth} levels (the folders that appear meanwhile included). Fails, with the
     * process's log, when the process ends first or {@code timeout} passes.
     *
     * @param job  the process that is to make the file; null when it is this JVM (a thread of the test's)
     * @param what what the process is to do, for the failure messages ("committed a table")
     */
    public static Path await(Path root, int depth, Process job, Log log, Duration timeout, String what, Find find)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = root.getFileSystem().newWatchService()) {
            // The job's end wakes a poll below: it throws ClosedWatchServiceException. (If the job has already ended,
            // this closes the watcher at once.)
            if (job != null) {
                job.onExit().thenRun(() -> close(watcher));
            }
            Map<Path, WatchKey> watched = new HashMap<>();
            try {
                while (true) {
                    // Watch first and look after: an entry created before its folder was watched is still found.
                    watchFolders(root, depth, watcher, watched);
                    Optional<Path> found = find.find();
                    if (found.isPresent()) {
                        return found.get();
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("it has not " + what + " in " + timeout + ": " + log.text());
                    }
                    WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
                    for (; key != null; key = watcher.poll()) { // every folder with events, then look again
                        key.pollEvents();
                        key.reset();
                    }
                }
            } catch (ClosedWatchServiceException ended) {
                Optional<Path> found = find.find(); // it may have been created just before the job ended
                if (found.isPresent()) {
                    return found.get();
                }
                throw new AssertionError("it ended (exit " + job.waitFor() + ") before it " + what + ": " + log.text());
            }
        }
    }

    /**
     * Registers each folder under {@code root} (to {@code depth} levels) for created and changed entries, unless it is watched
     * already (a folder deleted and made again is watched again).
     */
    private static void watchFolders(Path root, int depth, WatchService watcher, Map<Path, WatchKey> watched)
            throws IOException {
        try (Stream<Path> tree = Files.walk(root, depth)) {
            for (Path folder : tree.filter(Files::isDirectory).toList()) {
                WatchKey key = watched.get(folder);
                if (key != null && key.isValid()) {
                    continue;
                }
                try {
                    watched.put(folder, folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY));
                } catch (NoSuchFileException gone) {
                    // deleted since the walk saw it (Spark's temporary folders): nothing to wait for there
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
            // a folder deleted while the walk was in it; the next event walks again
        }
    }

    private static void close(WatchService watcher) {
        try {
            watcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
