package nl.newsthemes.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.config.StrictJson;
import nl.newsthemes.config.TableFormat;
import nl.newsthemes.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
 *
 * <p>With Delta Lake tables ({@link TableFormat#DELTA}) the tables stay in the output folder and take a new version
 * from each run (see {@link DeltaTables}), so the folder cannot be replaced whole: the other entries (CSV, manifest,
 * report, state) are moved in one by one, the manifest last, each replaced one first moved aside; a run killed
 * among those moves has them moved back by the next run.
 */
public final class OutputFolder {
    public static final String MANIFEST = "manifest.json";
    public static final String SUCCESS = "_SUCCESS";

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final Path previous;
    private final OutputLock lock;
    private final TableFormat format;

    private OutputFolder(FileSystem fs, Path target, String runId, OutputLock lock, TableFormat format) {
        this.fs = fs;
        this.format = format;
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
        return prepare(output, inputs, runId, hadoopConf, TableFormat.PARQUET);
    }

    /** {@link #prepare(String, java.util.List, String, Configuration)} for tables kept in {@code format}. */
    public static OutputFolder prepare(String output, java.util.List<String> inputs, String runId, Configuration hadoopConf,
                                       TableFormat format) {
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
                recover(fs, target, format);
                if (fs.exists(target)) {
                    ConfigException.check(fs.getFileStatus(target).isDirectory(), "output %s is a file: give --output a folder", output);
                    boolean published = fs.exists(new Path(target, MANIFEST));
                    ConfigException.check(published || fs.listStatus(target).length == 0
                                    || format == TableFormat.DELTA && onlyDeltaTables(fs, target),
                            "output %s exists and is not an output of this job (no %s): choose another --output or empty it",
                            output, MANIFEST);
                    TableFormat before = published ? publishedFormat(fs, target) : format;
                    ConfigException.check(before == format, "output %s holds %s tables and this run writes %s "
                            + "(table_format): the switch would drop the published tables' history, so write to a new "
                            + "--output, or empty this one first", output, before.code(), format.code());
                }
                OutputFolder folder = new OutputFolder(fs, target, runId, lock, format);
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

    /** An unpublished first run's Delta tables, which its next run removes (see DeltaTables#recover). */
    private static boolean onlyDeltaTables(FileSystem fs, Path target) throws IOException {
        for (FileStatus entry : fs.listStatus(target)) {
            if (!Tables.ALL.contains(entry.getPath().getName())
                    || !fs.exists(new Path(entry.getPath(), DeltaTables.LOG_FOLDER))) {
                return false;
            }
        }
        return true;
    }

    /** The table format the published manifest names; manifests from before the formats are Parquet. */
    private static TableFormat publishedFormat(FileSystem fs, Path target) throws IOException {
        String code = publishedManifest(fs, target).path(MANIFEST_FORMAT).asText(TableFormat.PARQUET.code());
        return TableFormat.byCode(code).orElseThrow(() -> new ConfigException(String.format(java.util.Locale.ROOT,
                "%s names the table format '%s', which this version of the job does not know",
                new Path(target, MANIFEST), code)));
    }

    /** The manifest published in {@code target}; a missing node when nothing is published there. */
    static JsonNode publishedManifest(FileSystem fs, Path target) throws IOException {
        Path manifest = new Path(target, MANIFEST);
        if (!fs.exists(manifest)) {
            return MissingNode.getInstance();
        }
        try (java.io.InputStream in = fs.open(manifest)) {
            return StrictJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    manifest.toString());
        }
    }

    /** The manifest's key for the table format (see report.RunManifest). */
    public static final String MANIFEST_FORMAT = "table_format";

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    static boolean within(Path inner, Path outer) {
        String o = outer.toUri().normalize().toString().replaceAll("/+$", "");
        String i = inner.toUri().normalize().toString().replaceAll("/+$", "");
        return i.equals(o) || i.startsWith(o + "/");
    }

    /** Puts back an output a killed publish left under its hidden name, and removes stale staging folders. */
    private static void recover(FileSystem fs, Path target, TableFormat format) throws IOException {
        FileStatus[] previous = siblings(fs, target, ".previous-*");
        if (previous != null && previous.length > 0) {
            java.util.Arrays.sort(previous, java.util.Comparator.comparing(FileStatus::getModificationTime));
            Path last = previous[previous.length - 1].getPath();
            if (format == TableFormat.DELTA && fs.exists(target)) {
                // A publish beside the tables was killed: what it moved aside goes back, the manifest with it.
                for (FileStatus entry : fs.listStatus(last)) {
                    Path back = new Path(target, entry.getPath().getName());
                    fs.delete(back, true);
                    fs.rename(entry.getPath(), back);
                }
                if (!fs.exists(new Path(target, MANIFEST))) {
                    // The first publish: what it moved in goes, and the tables are left for DeltaTables#recover.
                    for (FileStatus entry : fs.listStatus(target)) {
                        if (!Tables.ALL.contains(entry.getPath().getName())) {
                            fs.delete(entry.getPath(), true);
                        }
                    }
                }
            } else if (!fs.exists(target)) {
                fs.rename(last, target);
            }
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
            if (format == TableFormat.DELTA) {
                publishBesideTables();
                return;
            }
            if (fs.exists(target)) {
                rename(target, previous);
            }
            rename(staging, target);
            fs.delete(previous, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves every staged entry but the tables (committed to the Delta tables already, see DeltaTables#commit) into
     * the output, the manifest last; an entry it replaces is moved aside first, and removed at the end.
     */
    private void publishBesideTables() throws IOException {
        for (String table : Tables.ALL) {
            fs.delete(new Path(staging, table), true);
        }
        fs.mkdirs(target);
        fs.mkdirs(previous);
        java.util.List<FileStatus> entries = new java.util.ArrayList<>(java.util.Arrays.asList(fs.listStatus(staging)));
        entries.sort(java.util.Comparator.comparing((FileStatus e) -> e.getPath().getName().equals(MANIFEST))
                .thenComparing(e -> e.getPath().getName()));
        for (FileStatus entry : entries) {
            Path in = new Path(target, entry.getPath().getName());
            if (fs.exists(in)) {
                rename(in, new Path(previous, in.getName()));
            }
            rename(entry.getPath(), in);
        }
        fs.delete(staging, true);
        fs.delete(previous, true);
    }

    public TableFormat format() {
        return format;
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
