package nl.newsthemes;

import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.TableFormat;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.nightly.IncrementalRun;
import nl.newsthemes.nightly.ModelStore;
import nl.newsthemes.nightly.NightlyPlan;
import nl.newsthemes.nightly.QualityGate;
import nl.newsthemes.nightly.QualityGateException;
import nl.newsthemes.nightly.RunStaging;
import nl.newsthemes.nightly.StagedRun;
import nl.newsthemes.nightly.Watermark;
import nl.newsthemes.output.DeltaTables;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.report.RunManifest;
import nl.newsthemes.report.RunReport;
import nl.newsthemes.report.RunSummary;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.spark.NioLocalFileSystem;
import nl.newsthemes.spark.RunSettings;
import nl.newsthemes.themes.ThemeMatchers;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The job, top to bottom: list the input, decide whether the run is full or incremental ({@link NightlyPlan}), stage
 * every table in the output's staging folder ({@link FullRun}: read and analyze every article once, the corpus-wide
 * model, topics and theme matches; {@link IncrementalRun}: the months the changed input touches), check what was
 * staged ({@link QualityGate}) and publish it with the manifest and report. Any failure leaves the previous output as
 * it was (see {@link OutputFolder}).
 */
public final class ThemesPipeline {

    private final SparkSession spark;
    private final JobConfig config;
    private final ThemeSet themes;
    private final ThemeMatchers matchers;
    private final StageTimer timer = new StageTimer();

    /** @param matchers {@code themes} compiled for the languages of {@code config} (see {@link ThemeMatchers#compile}) */
    public ThemesPipeline(SparkSession spark, JobConfig config, ThemeSet themes, ThemeMatchers matchers) {
        this.spark = spark;
        this.config = config;
        this.themes = themes;
        this.matchers = matchers;
    }

    public RunSummary run() {
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        var hadoopConf = spark.sparkContext().hadoopConfiguration();
        NioLocalFileSystem.useFor(hadoopConf);
        InputListing listing = timer.time("list", () -> InputListing.list(config.input(), hadoopConf),
                l -> l.files().size() + " files, " + l.skipped().size() + " metadata files skipped");
        try (RunSettings sized = RunSettings.sizeTo(spark, listing.bytes())) {
            return run(started, runId, listing, hadoopConf);
        }
    }

    private RunSummary run(Instant started, String runId, InputListing listing, org.apache.hadoop.conf.Configuration hadoopConf) {
        OutputFolder out = OutputFolder.prepare(config.output(), config.input(), runId, hadoopConf, config.tables());
        boolean delta = config.tables() == TableFormat.DELTA;
        try (ProgressLog progress = ProgressLog.start(spark, timer, config.progressSeconds())) {
            if (delta) {
                timer.time("delta-recover", () -> {
                    DeltaTables.recover(spark, out);
                    return 0;
                }, x -> "every Delta table at the version the published manifest names");
            }
            ModelStore models = ModelStore.of(config.modelDir(), out, hadoopConf);
            NightlyPlan plan = NightlyPlan.decide(config, Watermark.fingerprint(config, themes), out, listing);
            RunStaging staging = plan.incremental() ? new IncrementalRun(spark, config, matchers, timer, out, plan)
                    : new FullRun(spark, config, matchers, timer, out, plan, models);
            StagedRun staged = staging.stage(listing, runId);
            QualityGate gate = timer.time("quality-gate", () -> QualityGate.check(spark, out.staging(), listing,
                    themes.names(), config.maxRejectedShare()), g -> g.passed() ? "passed"
                    : "FAILED: " + g.failed().stream().map(QualityGate.Check::name).toList());
            RunSummary checked = new RunSummary(runId, started, Instant.now(), config, themes, listing, staged,
                    timer.stages(), out.target().toString(), gate, Map.of());
            if (!gate.passed()) {
                throw new QualityGateException(gate);
            }
            RunSummary summary = !delta ? checked : checked.withTableVersions(timer.time("delta-commit",
                    () -> DeltaTables.commit(spark, out, staged.tableChanges(), runId), v -> "versions " + v));
            timer.time("report", () -> {
                RunReport.write(spark, out.staging(), out.fileSystem(), summary);
                RunManifest.write(out.staging(), out.fileSystem(), summary.finishedNow(timer.stages()));
                return 0;
            }, x -> "manifest.json, report.md, report.html");
            out.publish();
            if (!plan.incremental()) {
                // Only a published run's model becomes the one the next run reads from the model folder.
                models.publish(runId);
            }
            return summary.finishedNow(timer.stages());
        } catch (Exception | Error e) { // Exception: a failed Spark job throws SparkException, undeclared (Scala)
            if (delta) {
                try {
                    DeltaTables.recover(spark, out); // back to the versions the published manifest names
                } catch (RuntimeException | Error undo) {
                    // The next run undoes it then (see DeltaTables#recover); the run's own failure is what to report.
                    e.addSuppressed(undo);
                }
            }
            out.discard();
            throw e;
        } finally {
            out.release();
        }
    }
}
