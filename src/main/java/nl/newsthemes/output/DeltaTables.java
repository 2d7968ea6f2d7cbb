package nl.newsthemes.output;

import io.delta.tables.DeltaTable;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.spark.ConcurrentJobs;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static nl.newsthemes.schema.Columns.MONTH;
import static nl.newsthemes.schema.Tables.ALL;
import static org.apache.spark.sql.functions.col;

/**
 * The output tables as Delta Lake tables ({@code table_format} {@code delta}). They stay in the output folder from
 * run to run, and each run adds a version to the tables it changed.
 *
 * <p>A run stages and checks its tables as Parquet, exactly as in the {@code parquet} format; only a run that passed
 * its quality gate {@link #commit commits} them: a full run replaces each table whole, an incremental run replaces
 * only the months it rewrote ({@code replaceWhere}), and a table the run left as it was gets no version. Delta Lake
 * commits one table at a time, so the manifest names the version of every table that its run wrote
 * ({@code delta_versions}): those versions, read together, are one night. A run that fails after some commits
 * restores those tables to the versions before it; a run that was killed is undone by the next one
 * ({@link #recover}), which restores every table to the version the published manifest names.
 */
public final class DeltaTables {
    private static final Logger LOG = LogManager.getLogger(DeltaTables.class);
    static final String LOG_FOLDER = "_delta_log";
    /** The manifest's key for the versions (see report.RunManifest). */
    public static final String MANIFEST_VERSIONS = "delta_versions";
    private static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    private static final String CATALOG_SETTING = "spark.sql.catalog.spark_catalog";
    private static final String CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";
    /** Each commit names its run, which {@code DESCRIBE HISTORY} shows beside the version. */
    private static final String RUN_PREFIX = "news-themes run ";

    private DeltaTables() {
    }

    /** Adds Delta Lake's SQL extension and catalog to the settings of a session the job starts. */
    public static void configure(SparkConf conf) {
        String extensions = conf.get("spark.sql.extensions", "");
        if (!Arrays.asList(extensions.split(",")).contains(EXTENSION)) {
            conf.set("spark.sql.extensions", extensions.isBlank() ? EXTENSION : extensions + "," + EXTENSION);
        }
        conf.setIfMissing(CATALOG_SETTING, CATALOG);
        // Delta reads a table's log with 50 tasks by default, sized for tables of many thousands of files; the job's
        // tables have a few files per month, and 50 tiny tasks made each commit take seconds.
        conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
        // Delta leaves out a commit that changes no file (an empty table written again as empty): each run's version
        // of every table it wrote is recorded, so that a night's versions move together.
        conf.setIfMissing("spark.databricks.delta.skipRecordingEmptyCommits", "false");
        // Delta Lake 4 also writes a partition's value (the month) into each data file, while the file's folder names
        // it already. The job links a night's published files into its staging folder and reads them there as Parquet
        // (an incremental run, the quality gate), where the column came twice, from the file and from the folder, and
        // Spark warned of it at each read. New tables keep the month in the folder only, as the Parquet format does.
        conf.setIfMissing("spark.databricks.delta.properties.defaults.writePartitionColumnsToParquet", "false");
    }

    /** A session the job did not start (a notebook's, a test's) must already have Delta Lake's extension. */
    public static void checkSession(SparkSession spark) {
        String extensions = spark.conf().get("spark.sql.extensions", "");
        ConfigException.check(Arrays.asList(extensions.split(",")).contains(EXTENSION)
                        && CATALOG.equals(spark.conf().get(CATALOG_SETTING, "")),
                "table_format delta needs a Spark session with Delta Lake's extension: start it with --conf "
                        + "spark.sql.extensions=%s --conf %s=%s (the job sets both when it starts the session itself)",
                EXTENSION, CATALOG_SETTING, CATALOG);
    }

    /**
     * Commits the staged tables that {@code changes} names into the output's Delta tables, several at once.
     *
     * @return the version of every output table after the run (a table the run did not change keeps its version)
     * @throws RuntimeException after restoring every table that this call committed to its version before
     */
    public static Map<String, Long> commit(SparkSession spark, OutputFolder out, Map<String, TableWriter.Change> changes,
                                           String runId) {
        Map<String, Long> before = versions(spark, out.target());
        try {
            ConcurrentJobs.run(ALL.stream().filter(changes::containsKey)
                        .map(table -> (Callable<String>) () -> commitOne(spark, out, table, changes.get(table), runId)).toList());
        } catch (RuntimeException | Error e) {
            try {
                restore(spark, out, before);
            } catch (RuntimeException | Error restoreFailure) {
                e.addSuppressed(restoreFailure);  // the commit's failure stays the one reported
            }
            throw e;
        }
        Map<String, Long> after = versions(spark, out.target());
        List<String> missing = ALL.stream().filter(t -> !after.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no Delta table for " + missing + " in " + out.target()
                    + " after the commit: a full run writes every table");
        }
        return after;
    }

    private static String commitOne(SparkSession spark, OutputFolder out, String table, TableWriter.Change change,
                                  String runId) {
        Dataset<Row> staged = TableWriter.read(spark, out.staging(), table);
        boolean byMonth = Arrays.asList(staged.columns()).contains(MONTH);
        DataFrameWriter<Row> write;
        if (change.whole()) {
            write = staged.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true");
            write = byMonth ? write.partitionBy(MONTH) : write;
        } else {
            if (change.months().isEmpty()) {
                return table;
            }
            String months = change.months().stream().map(m -> "'" + m.replace("'", "''") + "'")
                    .collect(Collectors.joining(", "));
            write = staged.filter(col(MONTH).isin(change.months().toArray())).write().format("delta")
                    .mode(SaveMode.Overwrite).option("replaceWhere", MONTH + " IN (" + months + ")");
        }
        write.option("userMetadata", RUN_PREFIX + runId).save(new Path(out.target(), table).toString());
        return table;
    }

    /** The latest version of each output table that is a Delta table in {@code folder}. */
    static Map<String, Long> versions(SparkSession spark, Path folder) {
        Map<String, Long> versions = new TreeMap<>();
        for (String table : ALL) {
            latest(spark, new Path(folder, table)).ifPresent(v -> versions.put(table, v));
        }
        return versions;
    }

    /**
     * The latest version of a Delta table: the highest commit file {@code _delta_log/<version>.json}, as Delta Lake's
     * protocol names them. A listing of one folder, where asking Delta for its history runs a Spark job.
     */
    static Optional<Long> latest(SparkSession spark, Path table) {
        Path log = new Path(table, LOG_FOLDER);
        try {
            FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(log)) {
                return Optional.empty();
            }
            return Arrays.stream(fs.listStatus(log)).map(f -> f.getPath().getName())
                    .filter(name -> COMMIT_FILE.matcher(name).matches())
                    .map(name -> Long.parseLong(name.substring(0, name.indexOf('.')))).max(Long::compare);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of the Delta table " + table + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern COMMIT_FILE = java.util.regex.Pattern.compile("\\d{20}\\.json");

    /**
     * Puts every output table back to its version in {@code versions}; a table that is not there (it did not exist
     * before) is removed.
     */
    static void restore(SparkSession spark, OutputFolder out, Map<String, Long> versions) {
        Map<String, Long> now = versions(spark, out.target());
        // Several tables at once, as they are committed: each restore is a few small Spark jobs and a commit, which
        // cost the driver more than the cores. One that fails does not keep the others from being restored.
        ConcurrentJobs.run(ALL.stream().map(table -> (Callable<String>) () -> {
            restoreOne(spark, out, table, now.get(table), versions.get(table));
            return table;
        }).toList());
    }

    private static void restoreOne(SparkSession spark, OutputFolder out, String table, Long latest, Long wanted) {
        Path path = new Path(out.target(), table);
        try {
            if (latest != null && wanted == null) {
                LOG.warn("removing Delta table {}: an unpublished run created it", path);
                out.fileSystem().delete(path, true);
            } else if (latest != null && latest > wanted && !restoredTo(spark, path, wanted)) {
                LOG.warn("restoring Delta table {} from version {} to version {}, the published one", path, latest, wanted);
                DeltaTable.forPath(spark, path.toString()).restoreToVersion(wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether the table's latest version is a restore to {@code version} (by an earlier recovery). */
    private static boolean restoredTo(SparkSession spark, Path table, long version) {
        Row last = DeltaTable.forPath(spark, table.toString()).history(1).head();
        Map<String, String> parameters = scala.jdk.javaapi.CollectionConverters.asJava(last.<scala.collection.Map<String, String>>getAs("operationParameters"));
        return "RESTORE".equals(last.getAs("operation")) && String.valueOf(version).equals(parameters.get("version"));
    }

    /**
     * Undoes the commits of a run that was killed before it published: every table goes back to the version the
     * published manifest names, and a table that no published run wrote is removed.
     */
    public static void recover(SparkSession spark, OutputFolder out) {
        restore(spark, out, published(out));
    }

    /** The versions the published manifest names; none when nothing is published. */
    static Map<String, Long> published(OutputFolder out) {
        Map<String, Long> versions = new TreeMap<>();
        try {
            OutputFolder.publishedManifest(out.fileSystem(), out.target()).path(MANIFEST_VERSIONS).fields()
                    .forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest in " + out.target() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Carries the published tables into the staging folder as Parquet for an incremental run: links to the files of
     * each table's latest version (a table's folder also holds the files of its older versions), or, for a table
     * without rows, an empty Parquet file with its columns.
     */
    public static void carryOver(SparkSession spark, OutputFolder out) {
        ConcurrentJobs.run(ALL.stream().map(table -> (Callable<String>) () -> {
            Path from = new Path(out.target(), table);
            Dataset<Row> current = spark.read().format("delta").load(from.toString());
            List<Path> files = new ArrayList<>();
            for (String file : current.inputFiles()) {
                files.add(new Path(file));
            }
            if (files.isEmpty()) {
                current.limit(0).write().parquet(new Path(out.staging(), table).toString());
            } else {
                FolderLinks.linkFiles(out.fileSystem(), out.fileSystem().makeQualified(from), files,
                        new Path(out.staging(), table));
            }
            return table;
        }).toList());
    }
}
