package nl.newsthemes.run;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * The job's logging (its own lines at INFO, Spark's at WARN: {@code log4j2.properties} in the jar) under
 * {@code spark-submit} too.
 *
 * <p>Why: spark-submit configures log4j before the job's jar is on the class path, and without a
 * {@code log4j2.properties} of the cluster's own it falls back to Spark's defaults, which log every task at INFO: a
 * cluster run of the five sample articles wrote thousands of Spark lines around the job's few. Starting the
 * SparkContext falls back once more, so the job replaces the fallback once its session has started (the context's
 * own start-up lines stay). A configuration the cluster or the user chose (anything but Spark's fallback) is left as
 * it is.
 */
public final class JobLogging {
    /** The configuration Spark falls back to when it finds none. */
    static final String SPARK_DEFAULTS = "org/apache/spark/log4j2-defaults.properties";
    static final String JOB_CONFIGURATION = "/log4j2.properties";

    private JobLogging() {
    }

    /** Replaces Spark's fallback logging configuration by the job's; returns whether it did. */
    public static boolean replaceSparkDefaults() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return false;
        }
        ConfigurationSource source = context.getConfiguration().getConfigurationSource();
        String location = source == null ? null : source.getLocation();
        URL ours = JobLogging.class.getResource(JOB_CONFIGURATION);
        if (location == null || !location.endsWith(SPARK_DEFAULTS) || ours == null) {
            return false;
        }
        try {
            Configurator.reconfigure(ours.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the job's " + JOB_CONFIGURATION + " has no URI: " + ours, e);
        }
        return true;
    }
}
