package nl.newsthemes.nightly;

import nl.newsthemes.analysis.AnalyzeDocuments;
import nl.newsthemes.analysis.ArticleTables;
import nl.newsthemes.analysis.DocumentTables;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.features.NearDuplicates;
import nl.newsthemes.features.Vocabulary;
import nl.newsthemes.ingest.Corpus;
import nl.newsthemes.ingest.CorpusReader;
import nl.newsthemes.ingest.Ingested;
import nl.newsthemes.ingest.InputFile;
import nl.newsthemes.ingest.InputFilesTable;
import nl.newsthemes.ingest.InputListing;
import nl.newsthemes.config.TableFormat;
import nl.newsthemes.output.DeltaTables;
import nl.newsthemes.output.FolderLinks;
import nl.newsthemes.output.OutputFolder;
import nl.newsthemes.output.TableWriter;
import nl.newsthemes.run.StageTimer;
import nl.newsthemes.spark.CachedDatasets;
import nl.newsthemes.spark.ConcurrentJobs;
import nl.newsthemes.themes.ThemeMatchers;
import nl.newsthemes.topics.LdaInput;
import nl.newsthemes.topics.TopicModel;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static nl.newsthemes.schema.Columns.*;
import static nl.newsthemes.schema.Tables.*;
import static org.apache.spark.sql.functions.*;

/**
 * A nightly run that adds to the published one: it reads only the input files that are new or changed since the
 * {@link Watermark}, takes the documents of changed and removed files out, and recomputes only the months those
 * documents belong to. The other months' files are carried over (see {@link FolderLinks}) and the touched months are
 * written over them with Spark's dynamic partition overwrite, in the staging folder; publishing is as for a full run.
 *
 * <p>Per document, results do not depend on the rest of the corpus (themes, the words of each article), so
 * {@code documents}, {@code doc_themes}, {@code theme_monthly} and {@code theme_source_monthly} come out equal to a
 * full run's over the same input. The corpus-wide model (vocabulary, IDF, topics) is the saved one of the last full
 * run ({@link SavedModel}): {@code terms_monthly}, {@code doc_topics} and {@code topic_monthly} of the touched
 * months use it, until the refit schedule ({@code refit_days}) makes a night a full run again.
 *
 * <p>Duplicates follow the full run's rule (the first copy by path and position stays): documents kept from
 * earlier runs take part in the check, and a file that holds a duplicate of a document that is now gone is read
 * again, so its copy can take the place of the one that went.
 */
public final class IncrementalRun implements RunStaging {
    /** Files of the published run that a run writes anew rather than carries over. */
    private static final Set<String> NOT_CARRIED = Set.of("manifest.json", "report.md", "report.html", "_SUCCESS",
            CorpusState.FOLDER + "/" + Watermark.FILE);

    private final SparkSession spark;
    private final JobConfig config;
    private final ThemeMatchers matchers;
    private final StageTimer timer;
    private final OutputFolder out;
    private final NightlyPlan plan;
    private final FileSystem fs;
    private final PublishedTables tables;
    private final CachedDatasets cached = new CachedDatasets();

    public IncrementalRun(SparkSession spark, JobConfig config, ThemeMatchers matchers, StageTimer timer, OutputFolder out,
                          NightlyPlan plan) {
        this.spark = spark;
        this.config = config;
        this.matchers = matchers;
        this.timer = timer;
        this.out = out;
        this.plan = plan;
        this.fs = out.fileSystem();
        this.tables = new PublishedTables(spark, out);
    }

    @Override
    public StagedRun stage(InputListing listing, String runId) {
        try {
            return stageChanges(listing, runId);
        } finally {
            cached.unpersistAll();
        }
    }

    private StagedRun stageChanges(InputListing listing, String runId) {
        InputChanges changes = plan.changes();
        carryOver();
        Dataset<Row> previousTerms = tables.published(CorpusState.DOC_TERMS_PATH);

        Set<String> dropped = new TreeSet<>(changes.removed());
        changes.changed().forEach(f -> dropped.add(f.path()));
        List<String> reread = timer.time("plan", () -> DuplicateRereads.files(tables.published(REJECTS), previousTerms, dropped, listing),
                r -> String.format(Locale.ROOT, "%d added, %d changed, %d removed, %d unchanged files, %d read again",
                        changes.added().size(), changes.changed().size(), changes.removed().size(),
                        changes.unchanged().size(), r.size()));
        dropped.addAll(reread);
        List<InputFile> toRead = listing.files().stream()
                .filter(f -> changes.added().contains(f) || dropped.contains(f.path())).toList();

        Column fromDropped = col(PATH).isin(dropped.toArray());
        Dataset<Row> retained = previousTerms.filter(not(fromDropped)).select(DOC_ID, PATH, POSITION);
        Corpus read = timer.time("ingest", () -> CorpusReader.read(spark, new InputListing(toRead, List.of()),
                config.maxFileBytes(), retained), c -> toRead.size() + " files to read");
        cached.keep(read.cached());
        // The new documents lose the saved model's boilerplate and get its phrases, so that their terms are those the
        // vocabulary was built from.
        Dataset<Row> analyzed = cached.keep(plan.model().phraseModel().apply(AnalyzeDocuments.apply(read.articles(),
                plan.model().boilerplate(), matchers)));
        long added = timer.time("text", analyzed::count, n -> n + " articles read and analyzed");

        // Documents that leave: those of changed and removed files, and earlier ones that are now duplicates.
        Dataset<Row> gone = cached.keep(previousTerms.filter(fromDropped).select(DOC_ID, MONTH)
                .unionByName(read.evicted().join(previousTerms, new String[]{DOC_ID, PATH}).select(DOC_ID, MONTH)));
        List<String> touched = analyzed.select(MONTH).union(gone.select(MONTH)).distinct().orderBy(MONTH)
                .collectAsList().stream().map(r -> r.getString(0)).toList();

        TableWriter writer = new TableWriter(out.staging(), fs);
        timer.time("write", () -> {
            if (touched.isEmpty()) {
                // Nothing new, changed or gone: every month's rows and CSV, carried over, stand as they are.
                MONTH_TABLES.forEach(writer::keep);
            } else {
                writeMonths(writer, analyzed, read, gone, touched, previousTerms);
            }
            writer.replace(REJECTS, tables.published(REJECTS).filter(not(fromDropped))
                    .unionByName(read.rejects()).unionByName(read.evicted().select(PATH, RECORD, REASON)), PATH, RECORD, REASON);
            writer.replace(INPUT_FILES, InputFilesTable.counted(spark, listing, tables.staged(DOCUMENTS), tables.staged(REJECTS)), PATH);
            writer.keep(TOPICS);
            writer.keep(TOPIC_REGISTRY);
            writer.keep(TOPIC_SWEEP);
            return writer.rowCounts();
        }, counts -> touched.size() + " months recomputed: " + String.join(", ", touched));

        plan.watermark(runId, config.runDate(), plan.previous().modelRunId(), plan.previous().modelRunDate(), listing)
                .write(fs, CorpusState.folder(out.staging()));
        return staged(writer, reread, touched, added);
    }

    /** Links the published run's files into the staging folder, where the run then writes over what it recomputes. */
    private void carryOver() {
        boolean delta = out.format() == TableFormat.DELTA;
        timer.time("carry-over", () -> {
            // Delta tables hold the files of older versions too: only those of the latest are carried over.
            long files = FolderLinks.linkTree(fs, out.target(), out.staging(),
                    path -> NOT_CARRIED.contains(path) || delta && ALL.contains(path.substring(0, Math.max(0, path.indexOf('/')))));
            if (delta) {
                DeltaTables.carryOver(spark, out);
            }
            return files;
        }, n -> n + " files of the published run" + (delta ? " and its Delta tables' latest versions" : ""));
    }

    /** What the night staged: the counts of the whole output as it now stands, and the saved model it used. */
    private StagedRun staged(TableWriter writer, List<String> reread, List<String> touched, long added) {
        InputChanges changes = plan.changes();
        SavedModel model = plan.model();
        Dataset<Row> documents = tables.staged(DOCUMENTS);
        Ingested ingested = Ingested.count(documents, tables.staged(REJECTS));
        DocumentTables.Totals totals = DocumentTables.totals(documents, model.boilerplate());
        RunMode mode = new RunMode(true, String.format(Locale.ROOT,
                "added to run %s: %d files added, %d changed, %d removed, %d read again; %d articles read",
                plan.previous().runId(), changes.added().size(), changes.changed().size(), changes.removed().size(),
                reread.size(), added), changes, reread, touched, plan.previous().modelRunId(),
                plan.previous().modelRunDate(), config.refitDays());
        return StagedRun.of(ingested, totals, documents.filter(col(DUPLICATE_OF).isNotNull()).count(),
                StagedRun.Model.of(model, null), writer, mode);
    }

    /**
     * Recomputes every month-partitioned table for the touched months. The tables' rows are defined (and the shared
     * ones cached) first; then the tables are written at once ({@link ConcurrentJobs}), as a full run writes its
     * tables: each reads the published run and its own new rows and writes its own folder, and a night's tables
     * are small, so a write costs the driver more than the cores.
     */
    private void writeMonths(TableWriter writer, Dataset<Row> analyzed, Corpus read, Dataset<Row> gone, List<String> touched,
                             Dataset<Row> previousTerms) {
        Dataset<Row> goneIds = gone.select(DOC_ID);
        // Near-copies are found over the whole corpus as it now is: a new article can be a copy of one read before.
        Dataset<Row> allTerms = previousTerms.join(goneIds, new String[]{DOC_ID}, "left_anti").select(DOC_ID, DATE, TERMS)
                .unionByName(analyzed.select(DOC_ID, DATE, TERMS));
        Dataset<Row> duplicates = cached.keep(timer.time("near-duplicates", () -> NearDuplicates.find(allTerms,
                config.duplicateSimilarity(), config.seed()), d -> d.count() + " articles are near-copies of an earlier one"));
        Vocabulary vocabulary = plan.model().vocabulary();
        TouchedMonths kept = new TouchedMonths(tables, touched, goneIds);
        ArticleTables.Tables monthTables = ArticleTables.assemble(spark, analyzed, duplicates,
                new ArticleTables.TermWeights(vocabulary, plan.model().idf(), config.distinctiveTerms()), kept,
                CorpusState.DOC_TERMS_PATH, cached::keep);
        Dataset<Row> documents = monthTables.documents();
        Dataset<Row> docTerms = monthTables.docTerms();

        List<Callable<Object>> writes = new ArrayList<>();
        writes.add(() -> writer.overwriteMonths(DOCUMENTS, documents, touched, DOC_ID));
        writes.add(() -> writer.overwriteMonths(DOC_THEMES, monthTables.docThemes(), touched, DOC_THEMES_KEY));
        writes.add(() -> writeThemeMonthly(writer, monthTables.themeMonthly(), touched));
        writes.add(() -> writer.overwriteMonths(THEME_SOURCE_MONTHLY, monthTables.themeSourceMonthly(), touched, MONTH, SOURCE, THEME));
        writes.add(() -> writer.overwriteMonths(TERMS_MONTHLY, monthTables.termsMonthly(), touched, MONTH, RANK));
        writes.add(() -> {
            new TableWriter(CorpusState.folder(out.staging()), fs).overwriteParquetMonths(CorpusState.DOC_TERMS, docTerms, touched);
            return null;
        });

        TopicModel model = plan.topics();
        if (model != null) {
            Dataset<Row> counted = vocabulary.countVectorizer().transform(analyzed);
            Dataset<Row> training = cached.keep(LdaInput.trainingSet(counted, LdaInput.partitionsFor(analyzed.count())));
            Dataset<Row> docTopics = cached.keep(kept.withKept(DOC_TOPICS, model.docTopics(training)));
            writes.add(() -> writer.overwriteMonths(DOC_TOPICS, docTopics, touched, DOC_ID));
            writes.add(() -> writer.overwriteMonths(TOPIC_MONTHLY, model.monthly(spark, docTopics), touched, MONTH, TOPIC));
        } else {
            writer.keep(DOC_TOPICS);
            writer.keep(TOPIC_MONTHLY);
        }
        ConcurrentJobs.run(writes);
    }

    private static final String[] DOC_THEMES_KEY = {DOC_ID, THEME};

    /** The tables that {@link #writeMonths} rewrites month by month. */
    private static final List<String> MONTH_TABLES = List.of(DOCUMENTS, DOC_THEMES, THEME_MONTHLY, THEME_SOURCE_MONTHLY,
            TERMS_MONTHLY, DOC_TOPICS, TOPIC_MONTHLY);

    /**
     * Rewrites the touched months of theme_monthly, {@code all} its rows as they now stand; share_change comes from
     * the month before, so the month after a touched one is rewritten too.
     */
    private long writeThemeMonthly(TableWriter writer, Dataset<Row> all, List<String> touched) {
        List<String> months = all.select(MONTH).distinct().orderBy(MONTH).collectAsList().stream().map(r -> r.getString(0)).toList();
        Set<String> rewrite = new TreeSet<>(touched);
        for (String month : touched) {
            months.stream().filter(m -> m.compareTo(month) > 0).findFirst().ifPresent(rewrite::add);
        }
        return writer.overwriteMonths(THEME_MONTHLY, all.filter(col(MONTH).isin(rewrite.toArray())), rewrite, MONTH, THEME);
    }
}
