package nl.newsthemes.run;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobLoggingTest {
    private static final String SPARK_LOGGER = "org.apache.spark.scheduler.DAGScheduler";

    @Test
    void takesThePlaceOfSparksFallbackAndOfNothingElse() throws Exception {
        // As under spark-submit on a cluster without a log4j2.properties of its own: Spark's fallback, all at INFO.
        Configurator.reconfigure(JobLoggingTest.class.getClassLoader().getResource(JobLogging.SPARK_DEFAULTS).toURI());
        try {
            assertEquals(Level.INFO, LogManager.getLogger(SPARK_LOGGER).getLevel());
            assertTrue(JobLogging.replaceSparkDefaults());
            assertEquals(Level.WARN, LogManager.getLogger(SPARK_LOGGER).getLevel());
            assertEquals(Level.INFO, LogManager.getLogger("nl.newsthemes.stages").getLevel());
            assertFalse(JobLogging.replaceSparkDefaults(), "a configuration other than Spark's fallback stays");
        } finally {
            Configurator.reconfigure(JobLogging.class.getResource(JobLogging.JOB_CONFIGURATION).toURI());
        }
    }
}
