package nl.newsthemes;

import nl.newsthemes.config.CliArgs;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.config.JobConfig;
import nl.newsthemes.config.TableFormat;
import nl.newsthemes.config.ThemeSet;
import nl.newsthemes.nightly.QualityGateException;
import nl.newsthemes.output.DeltaTables;
import nl.newsthemes.output.OutputLockedException;
import nl.newsthemes.report.RunSummary;
import nl.newsthemes.run.JobLogging;
import nl.newsthemes.run.LogText;
import nl.newsthemes.spark.CachedRowCountRules;
import nl.newsthemes.spark.LocalBlas;
import nl.newsthemes.spark.NioLocalFileSystem;
import nl.newsthemes.text.LanguageIdentifier;
import nl.newsthemes.themes.ThemeMatchers;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.Locale;

/**
 * Entry point, for {@code spark-submit} and for the local runner: arguments to a validated {@link JobConfig}, a
 * Spark session, the {@link ThemesPipeline}, an exit code (see {@link ExitCode}). Configuration and theme files are
 * checked before Spark starts, so a typo costs a second, not a cluster slot.
 */
public final class ThemesJob {
    private static final Logger LOG = LogManager.getLogger(ThemesJob.class);

    private ThemesJob() {
    }

    public static void main(String[] args) {
        // The report's charts are drawn without a screen: nightly runs have none, and AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args).code);
    }

    /** Runs the job; never throws, never exits (tests call this). */
    public static ExitCode run(String[] args) {
        JobConfig config;
        ThemeSet themes;
        ThemeMatchers matchers;
        try {
            CliArgs cli = CliArgs.parse(Arrays.asList(args));
            if (cli.help()) {
                System.out.println(CliArgs.USAGE);
                return ExitCode.DONE;
            }
            config = cli.config();
            themes = ThemeSet.load(config.themes());
            // Compiling checks every rule word in every language read: a bad rule fails here, before Spark.
            matchers = ThemeMatchers.compile(themes, config.languagesRead(), config.minTokenLength());
        } catch (ConfigException e) {
            System.err.println("news-themes: " + LogText.oneLine(e.getMessage()));
            return ExitCode.BAD_CONFIG;
        }

        SparkSession spark = null;
        // A session that was already running (a notebook, a test) belongs to its owner: use it, leave it running.
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        try {
            if (matchers.identifiesLanguages()) {
                LanguageIdentifier.loadInBackground(); // while Spark starts
            }
            spark = session(config);
            RunSummary summary = new ThemesPipeline(spark, config, themes, matchers).run();
            System.out.printf(Locale.ROOT, "news-themes: %d articles (%d rejected) in %.1f s; outputs in %s%n",
                    summary.ingested().loaded(), summary.ingested().rejected(), summary.seconds(),
                    LogText.oneLine(summary.outputFolder()));
            return ExitCode.DONE;
        } catch (ConfigException e) {
            System.err.println("news-themes: " + LogText.oneLine(e.getMessage()));
            return ExitCode.BAD_CONFIG;
        } catch (QualityGateException e) {
            e.gate().failed().forEach(c -> LOG.error("quality gate: {} failed: {}", c.name(), LogText.oneLine(c.detail())));
            System.err.println("news-themes: " + LogText.oneLine(e.getMessage()) + "; previous outputs left as they were");
            return ExitCode.QUALITY_GATE;
        } catch (OutputLockedException e) {
            System.err.println("news-themes: " + LogText.oneLine(e.getMessage()));
            return ExitCode.LOCKED;
        } catch (Exception | Error e) { // Exception: Spark's Scala code throws SparkException undeclared
            LOG.error("run failed", e);
            String scratch = spark == null ? "unset" : spark.sparkContext().getConf().get("spark.local.dir",
                    System.getProperty("java.io.tmpdir"));
            System.err.println("news-themes: run failed, previous outputs left as they were: "
                    + LogText.oneLine(DiskFull.describe(e, config.output(), scratch).orElse(String.valueOf(e))));
            return ExitCode.FAILED;
        } finally {
            if (spark != null && ownSession) {
                spark.stop();
            }
        }
    }

    /**
     * The session: the master from --master, else the one spark-submit set, else an embedded {@code local[*]}.
     */
    static SparkSession session(JobConfig config) {
        SparkConf conf = new SparkConf().setAppName("news-themes");
        if (config.master() != null) {
            conf.setMaster(config.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // One machine: no UI port to collide with, and local files created without a chmod process each (see
            // NioLocalFileSystem). The shuffle is sized to the input (ShufflePartitions).
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing(NioLocalFileSystem.SETTING, NioLocalFileSystem.class.getName());
        }
        // Under a local master MLlib's linear algebra runs in this JVM's task threads: no native BLAS threads beside them.
        LOG.info("BLAS: {}", LocalBlas.choose(conf.get("spark.master"), System.getenv()));
        if (config.shufflePartitions() > 0) {
            conf.set("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()));
        }
        CachedRowCountRules.exclude(conf);
        if (config.tables() == TableFormat.DELTA) {
            DeltaTables.configure(conf);
        }
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        if (config.tables() == TableFormat.DELTA) {
            DeltaTables.checkSession(session);
        }
        // After the session: starting the SparkContext configures log4j again (see JobLogging).
        JobLogging.replaceSparkDefaults();
        return session;
    }
}
