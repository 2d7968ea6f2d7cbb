package nl.newsthemes.nightly;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.output.OutputFolder;
import org.apache.hadoop.fs.Path;

import java.time.LocalDate;

/**
 * Whether this run can add to the published one, or must read everything. An incremental run needs a published
 * run with a watermark and saved model, made with the same settings and theme definitions, and a model younger than
 * the refit schedule ({@code refit_days}); otherwise the run is a full one and the manifest says why.
 *
 * @param incremental whether the run reads only what changed
 * @param fullReason  why it is a full run (empty for incremental runs)
 * @param previous    the published run's watermark (null when there is none)
 * @param model       the published run's saved model (null when unusable)
 * @param changes     the input against the watermark (null without one)
 * @param fingerprint this run's {@link Watermark#fingerprint}
 */
public record NightlyPlan(boolean incremental, String fullReason, Watermark previous, SavedModel model,
                          InputChanges changes, String fingerprint) {

    public static NightlyPlan decide(JobConfig config, String fingerprint, OutputFolder out, InputListing listing) {
        if (!config.incremental()) {
            return full("a full run (no --incremental)", null, null, fingerprint);
        }
        Path state = CorpusState.folder(out.target());
        Watermark previous = Watermark.read(out.fileSystem(), state);
        if (previous == null) {
            return full("no published run with a watermark in " + out.target() + " to add to", null, null, fingerprint);
        }
        InputChanges changes = InputChanges.between(listing, previous);
        if (!previous.configFingerprint().equals(fingerprint)) {
            return full("the settings or theme definitions differ from those of run " + previous.runId(),
                    previous, changes, fingerprint);
        }
        SavedModel model = SavedModel.read(out.fileSystem(), state);
        if (model == null) {
            return full("run " + previous.runId() + " saved no model", previous, changes, fingerprint);
        }
        LocalDate refitOn = LocalDate.parse(previous.modelRunDate()).plusDays(config.refitDays());
        if (!config.runDay().isBefore(refitOn)) {
            return full("refit due: the model of run " + previous.modelRunId() + " was fitted for "
                    + previous.modelRunDate() + ", refit_days is " + config.refitDays(), previous, changes, fingerprint);
        }
        return new NightlyPlan(true, "", previous, model, changes, fingerprint);
    }

    private static NightlyPlan full(String reason, Watermark previous, InputChanges changes, String fingerprint) {
        return new NightlyPlan(false, reason, previous, null, changes, fingerprint);
    }

    /** The watermark this run leaves for the next one. */
    public Watermark watermark(String runId, String runDate, String modelRunId, String modelRunDate, InputListing listing) {
        return Watermark.of(runId, runDate, modelRunId, modelRunDate, fingerprint, listing);
    }
}
