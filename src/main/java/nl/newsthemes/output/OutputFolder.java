package nl.newsthemes.output;

import nl.newsthemes.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where a run writes, and how it publishes: everything goes into a staging folder beside the output folder; only a
 * run that finished writing every table, the manifest and the report renames it into place. Readers of the output
 * folder never see a half-written run: a failed run deletes its staging folder and leaves the previous output as
 * it was.
 *
 * <p>An existing output folder is replaced only if it holds a previous run's {@code manifest.json} (or is empty),
 * so a mistyped {@code --output} cannot wipe an unrelated folder; an output folder that is, holds or lies inside an
 * input is refused. A run that was killed leaves its staging folder behind, or, killed between the two renames of a
 * publish, the previous output under its hidden name: the next run removes the first and puts the second back.
 * One run at a time per output folder: {@link #prepare} takes the output's {@link OutputLock} before it touches
 * anything, so the staging folder it removes is never a live run's, and {@link #release} frees it.
 */
public final class OutputFolder {
    public static final String MANIFEST = "manifest.json";
    public static final String SUCCESS = "_SUCCESS";

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final Path previous;
    private final OutputLock lock;

    private OutputFolder(FileSystem fs, Path target, String runId, OutputLock lock) {
        this.fs = fs;
        this.lock = lock;
        this.target = target;
        this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + runId);
        this.previous = new Path(target.getParent(), "." + target.getName() + ".previous-" + runId);
    }

    /**
     * Checks the output path against the inputs, takes the output's lock, recovers from a killed run, and creates the
     * staging folder.
     *
     * @throws OutputLockedException when another run holds the output
     */
    public static OutputFolder prepare(String output, java.util.List<String> inputs, String runId, Configuration hadoopConf) {
        try {
            Path target = new Path(output);
            FileSystem fs = target.getFileSystem(hadoopConf);
            // On local disk Hadoop writes a hidden .crc beside every file; readers of the output have no use for them.
            fs.setWriteChecksum(false);
            target = fs.makeQualified(target);
            ConfigException.check(target.getParent() != null, "output %s: the root folder cannot be an output folder", output);
            for (String input : inputs) {
                Path in = new Path(input);
                in = in.getFileSystem(hadoopConf).makeQualified(in);
                ConfigException.check(!within(target, in) && !within(in, target),
                        "output %s and input %s overlap: the output folder is replaced on every run, so it must lie "
                                + "outside every input (and hold none); choose another --output", output, input);
            }
            OutputLock lock = OutputLock.acquire(fs, target, runId);
            try {
                recover(fs, target);
                if (fs.exists(target)) {
                    ConfigException.check(fs.getFileStatus(target).isDirectory(), "output %s is a file: give --output a folder", output);
                    ConfigException.check(fs.exists(new Path(target, MANIFEST)) || fs.listStatus(target).length == 0,
                            "output %s exists and is not an output of this job (no %s): choose another --output or empty it",
                            output, MANIFEST);
                }
                OutputFolder folder = new OutputFolder(fs, target, runId, lock);
                fs.mkdirs(folder.staging);
                return folder;
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output " + output + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    static boolean within(Path inner, Path outer) {
        String o = outer.toUri().normalize().toString().replaceAll("/+$", "");
        String i = inner.toUri().normalize().toString().replaceAll("/+$", "");
        return i.equals(o) || i.startsWith(o + "/");
    }

    /** Puts back an output a killed publish left under its hidden name, and removes stale staging folders. */
    private static void recover(FileSystem fs, Path target) throws IOException {
        FileStatus[] previous = siblings(fs, target, ".previous-*");
        if (!fs.exists(target) && previous != null && previous.length > 0) {
            java.util.Arrays.sort(previous, java.util.Comparator.comparing(FileStatus::getModificationTime));
            fs.rename(previous[previous.length - 1].getPath(), target);
        }
        for (String pattern : new String[]{".previous-*", ".staging-*"}) {
            FileStatus[] stale = siblings(fs, target, pattern);
            if (stale != null) {
                for (FileStatus s : stale) {
                    fs.delete(s.getPath(), true);
                }
            }
        }
    }

    /**
     * The hidden siblings {@code .<target name><pattern>}. Hadoop lists the whole parent folder to match them, and its
     * paths cannot take a name with a ':' (the local file system allows one): such a neighbour would fail every run
     * with a bare URISyntaxException, so the error says which folder and what to do.
     */
    private static FileStatus[] siblings(FileSystem fs, Path target, String pattern) throws IOException {
        try {
            return fs.globStatus(new Path(target.getParent(), "." + target.getName() + pattern));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(String.format(java.util.Locale.ROOT, "output %s: its parent folder %s holds a "
                    + "name Hadoop cannot read (%s); a ':' in a file name is the usual cause: rename that file or give "
                    + "--output a folder of its own", target, target.getParent(), e.getMessage()));
        }
    }

    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /**
     * Marks the staged run complete with an empty {@value #SUCCESS} (what Hadoop and Spark readers look for), then
     * moves it into place; the previous output is removed only after the new one is there.
     */
    public void publish() {
        if (!lock.held()) {
            throw new IllegalStateException("the lock of " + target + " no longer names this run (another run took it "
                    + "over after this run's heartbeat failed for " + OutputLock.STALE.toMinutes() + " minutes): nothing published");
        }
        try {
            fs.create(new Path(staging, SUCCESS), false).close();
            if (fs.exists(target)) {
                rename(target, previous);
            }
            rename(staging, target);
            fs.delete(previous, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the staging folder of a failed run. */
    public void discard() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Frees the output for the next run; call it once the run has published or discarded its staging folder. */
    public void release() {
        lock.close();
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " to " + to + " failed");
        }
    }
}
