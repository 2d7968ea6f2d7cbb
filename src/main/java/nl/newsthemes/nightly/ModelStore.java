package nl.newsthemes.nightly;

import nl.newsthemes.config.ConfigException;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.topics.TopicModel;
import nl.newsthemes.topics.TopicStart;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Where the topic model that the next run builds on is read from, and, with {@code --model-dir}, kept.
 *
 * <p>Without a model folder the model lives with the output, in {@code _state/model/}, published with it. With one,
 * each run also writes its model into {@code DIR/<run id>/} (a new folder that no reader looks at yet) and, after
 * the output is published, points {@code DIR/LATEST} at it by an atomic rename; readers take the version LATEST names.
 * A run that fails leaves LATEST as it was. The newest {@link #VERSIONS_KEPT} versions are kept.
 */
public final class ModelStore {
    static final String LATEST = "LATEST";
    private static final Logger LOG = LogManager.getLogger(ModelStore.class);
    static final int VERSIONS_KEPT = 5;

    /** A saved model and the folder that holds its model.json, lda/ and start/. */
    public record Saved(SavedModel model, Path folder) {
        /** @param termRelevance the ranking of the topics' words for their coherence (see topics.TopicTermRanking) */
        public TopicModel topicModel(double termRelevance) {
            return model.topicModelIn(folder, termRelevance);
        }

        /** The topics a refit of its run date starts from, or null (see {@link SavedModel#refitStartIn}). */
        public TopicStart refitStart() {
            return model.refitStartIn(folder);
        }
    }

    private final FileSystem fs;
    private final Configuration conf;
    private final Path dir;
    private final OutputFolder out;

    private ModelStore(FileSystem fs, Configuration conf, Path dir, OutputFolder out) {
        this.fs = fs;
        this.conf = conf;
        this.dir = dir;
        this.out = out;
    }

    /** @param modelDir the model folder, or null to keep the model with the output only */
    public static ModelStore of(String modelDir, OutputFolder out, Configuration conf) {
        if (modelDir == null) {
            return new ModelStore(out.fileSystem(), conf, null, out);
        }
        try {
            Path dir = new Path(modelDir);
            FileSystem fs = dir.getFileSystem(conf);
            return new ModelStore(fs, conf, fs.makeQualified(dir), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the model folder " + modelDir + ": " + e.getMessage(), e);
        }
    }

    /** Where the latest model is read from, for the manifest and messages. */
    public String location() {
        return dir == null ? new Path(CorpusState.folder(out.target()), SavedModel.FOLDER).toString() : dir.toString();
    }

    /**
     * The latest saved model for a refit to match its topics to, or null when there is none. One that cannot be read
     * is passed over with a warning: the refit then starts topic ids anew, where failing would stop every night until
     * someone repaired the file.
     */
    public Saved latest() {
        try {
            return read();
        } catch (UnreadableStateException e) {
            passedOver(e);
            return null;
        }
    }

    private Saved read() {
        Path folder = dir == null ? new Path(CorpusState.folder(out.target()), SavedModel.FOLDER) : latestVersion();
        if (folder == null) {
            return null;
        }
        SavedModel model = SavedModel.readFrom(fs, folder);
        return model == null ? null : new Saved(model, folder);
    }

    /**
     * The latest saved model, to be used as it is on articles read in {@code languages}; a {@link ConfigException} that
     * says what to do when there is none, or when its articles were read in other languages (its stems would not be
     * those of this run's articles).
     */
    public Saved required(List<String> languages) {
        Saved saved;
        try {
            saved = read();
        } catch (UnreadableStateException e) {
            throw reuseRefused(e);
        }
        if (saved == null) {
            throw new ConfigException("--model reuse needs a saved model, and " + location() + " has none: "
                    + "run once with --model refit first");
        }
        ConfigException.check(saved.model().languages().equals(languages), "--model reuse needs a model fitted on "
                + "articles read in the same languages, and the saved model of run %s read them in %s where this run "
                + "reads %s: run with --model refit, or set languages to %s", saved.model().runId(),
                saved.model().languages(), languages, saved.model().languages());
        return saved;
    }

    /** Why {@code --model reuse} cannot go on: the saved model, or part of it, cannot be read. */
    public static ConfigException reuseRefused(UnreadableStateException e) {
        return new ConfigException("--model reuse needs a saved model, and " + e.getMessage()
                + ": run with --model refit to fit and save a new one");
    }

    /** Says that a rerun of a night starts its topics as a first fit, for it cannot read where that night started. */
    public static void startPassedOver(UnreadableStateException e) {
        LOG.warn("the saved model's start {}: this rerun of its night starts LDA as a first fit", e.getMessage());
    }

    /** Says that a refit goes on without the previous model, which it cannot read. */
    public static void passedOver(UnreadableStateException e) {
        LOG.warn("the saved model {}: the refit matches no previous topics, its ids start anew", e.getMessage());
    }

    /** Writes this run's model as a new version in the model folder (nothing to do without one). */
    public void stage(SavedModel model, TopicModel topics, String runId) {
        if (dir != null) {
            model.writeTo(fs, new Path(dir, runId), topics);
        }
    }

    /** Points LATEST at this run's version, after the output is published, and removes the oldest versions. */
    public void publish(String runId) {
        if (dir == null) {
            return;
        }
        Path next = new Path(dir, "." + LATEST + "-" + runId);
        try {
            try (FSDataOutputStream stream = fs.create(next, true)) {
                stream.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
            }
            FileContext.getFileContext(dir.toUri(), conf).rename(next, new Path(dir, LATEST), Options.Rename.OVERWRITE);
            List<FileStatus> versions = Arrays.stream(fs.listStatus(dir))
                    .filter(s -> s.isDirectory() && !s.getPath().getName().startsWith("."))
                    .sorted((a, b) -> b.getPath().getName().compareTo(a.getPath().getName())).toList();
            for (FileStatus old : versions.subList(Math.min(VERSIONS_KEPT, versions.size()), versions.size())) {
                fs.delete(old.getPath(), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path latestVersion() {
        Path pointer = new Path(dir, LATEST);
        try {
            if (!fs.exists(pointer)) {
                return null;
            }
            try (FSDataInputStream in = fs.open(pointer)) {
                String runId = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (runId.isEmpty() || runId.contains("/")) {
                    throw new UnreadableStateException(pointer, new IOException("it names no version: '" + runId + "'"));
                }
                return new Path(dir, runId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
        }
    }
}
