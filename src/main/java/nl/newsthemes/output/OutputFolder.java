package nl.newsthemes.output;

import nl.newsthemes.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
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
 * so a mistyped {@code --output} cannot wipe an unrelated folder.
 */
public final class OutputFolder {
    public static final String MANIFEST = "manifest.json";

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final Path previous;

    private OutputFolder(FileSystem fs, Path target, String runId) {
        this.fs = fs;
        this.target = target;
        this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + runId);
        this.previous = new Path(target.getParent(), "." + target.getName() + ".previous-" + runId);
    }

    /** Checks the output path and creates the empty staging folder. */
    public static OutputFolder prepare(String output, String runId, Configuration hadoopConf) {
        try {
            Path target = new Path(output);
            FileSystem fs = target.getFileSystem(hadoopConf);
            // On local disk Hadoop writes a hidden .crc beside every file; readers of the output have no use for them.
            fs.setWriteChecksum(false);
            target = fs.makeQualified(target);
            ConfigException.check(target.getParent() != null, "output %s: the root folder cannot be an output folder", output);
            if (fs.exists(target)) {
                ConfigException.check(fs.getFileStatus(target).isDirectory(), "output %s is a file: give --output a folder", output);
                ConfigException.check(fs.exists(new Path(target, MANIFEST)) || fs.listStatus(target).length == 0,
                        "output %s exists and is not an output of this job (no %s): choose another --output or empty it",
                        output, MANIFEST);
            }
            OutputFolder folder = new OutputFolder(fs, target, runId);
            fs.mkdirs(folder.staging);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output " + output + ": " + e.getMessage(), e);
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

    /** Moves the staged run into place; the previous output is removed only after the new one is there. */
    public void publish() {
        try {
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

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " to " + to + " failed");
        }
    }
}
