package nl.newsthemes.nightly;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.topics.TopicModel;
import org.apache.hadoop.fs.Path;

import java.time.LocalDate;

/**
 * Whether this run can add to the published one, or must read everything. An incremental run needs a published
 * run with a watermark and saved model, made with the same settings and theme definitions, and a model younger than
 * the refit schedule ({@code refit_days}); otherwise the run is a full one and the manifest says why. A watermark or
 * saved model that cannot be read (a disk that filled, a damaged file) makes a full run too: it rebuilds both.
 *
 * @param incremental whether the run reads only what changed
 * @param fullReason  why it is a full run (empty for incremental runs)
 * @param previous    the published run's watermark (null when there is none)
 * @param model       the published run's saved model (null when unusable)
 * @param topics      its topic model, loaded (null for a full run, or when the model has no topics)
 * @param changes     the input against the watermark (null without one)
 * @param fingerprint this run's {@link Watermark#fingerprint}
 */
public record NightlyPlan(boolean incremental, String fullReason, Watermark previous, SavedModel model,
                          TopicModel topics, InputChanges changes, String fingerprint) {

    public static NightlyPlan decide(JobConfig config, String fingerprint, OutputFolder out, InputListing listing) {
        if (!config.incremental()) {
            return full("a full run (no --incremental)", null, null, fingerprint);
        }
        Path state = CorpusState.folder(out.target());
        Watermark previous;
        try {
            previous = Watermark.read(out.fileSystem(), state);
        } catch (UnreadableStateException e) {
            return full("the watermark " + e.getMessage() + ": a full run writes a new one", null, null, fingerprint);
        }
        if (previous == null) {
            return full("no published run with a watermark in " + out.target() + " to add to", null, null, fingerprint);
        }
        InputChanges changes = InputChanges.between(listing, previous);
        if (!previous.configFingerprint().equals(fingerprint)) {
            return full("the settings or theme definitions differ from those of run " + previous.runId(),
                    previous, changes, fingerprint);
        }
        SavedModel model;
        try {
            model = SavedModel.read(out.fileSystem(), state);
        } catch (UnreadableStateException e) {
            return full("the saved model " + e.getMessage() + ": a full run fits and saves a new one",
                    previous, changes, fingerprint);
        }
        if (model == null) {
            return full("run " + previous.runId() + " saved no model", previous, changes, fingerprint);
        }
        LocalDate refitOn = LocalDate.parse(previous.modelRunDate()).plusDays(config.refitDays());
        if (!config.runDay().isBefore(refitOn)) {
            return full("refit due: the model of run " + previous.modelRunId() + " was fitted for "
                    + previous.modelRunDate() + ", refit_days is " + config.refitDays(), previous, changes, fingerprint);
        }
        TopicModel topics;
        try {
            topics = model.topicModel(state, config.topicTermRelevance());
        } catch (UnreadableStateException e) {
            return full("the saved topic model " + e.getMessage() + ": a full run fits and saves a new one",
                    previous, changes, fingerprint);
        }
        return new NightlyPlan(true, "", previous, model, topics, changes, fingerprint);
    }

    private static NightlyPlan full(String reason, Watermark previous, InputChanges changes, String fingerprint) {
        return new NightlyPlan(false, reason, previous, null, null, changes, fingerprint);
    }

    /** The watermark this run leaves for the next one. */
    public Watermark watermark(String runId, String runDate, String modelRunId, String modelRunDate, InputListing listing) {
        return Watermark.of(runId, runDate, modelRunId, modelRunDate, fingerprint, listing);
    }
}
