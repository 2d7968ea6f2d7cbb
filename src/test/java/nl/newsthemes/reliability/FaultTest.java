package nl.newsthemes.reliability;

import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.SampleRun;
import nl.newsthemes.ThemesJob;
import nl.newsthemes.spark.NioLocalFileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Faults during a run: a task that fails on its first attempt is retried by Spark (local mode with task retries) and
 * the outputs are the same as a clean run's.
 */
class FaultTest {
    @AfterEach
    void noSessionLeft() {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    @Test
    void aTaskThatFailsOnceGivesTheSameOutputs(@TempDir Path dir) throws IOException {
        Path clean = SampleRun.oneClustering();

        // The flaky file system is this test's session's, not the JVM's: the job runs in the session it finds (as in a
        // notebook) and leaves it running. local[2,3]: two threads, and a task may fail three times before the job does.
        SparkSession session = SparkSession.builder().master("local[2,3]").appName("fault-test")
                .config("spark.ui.enabled", "false")
                .config(NioLocalFileSystem.SETTING, FlakyFileSystem.class.getName())
                .config("spark.hadoop.fs.file.impl.disable.cache", "true") // a new file system, not a cached one
                .getOrCreate();
        FlakyFileSystem.OPENS_TO_FAIL.set(1);
        FlakyFileSystem.FAILED.set(0);
        Path retried = dir.resolve("retried");
        try {
            assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", "data/sample",
                    "--output", retried.toString(), "--run-date", SampleRun.RUN_DATE, "--config", OneClustering.config()}));
        } finally {
            session.stop();
            FlakyFileSystem.OPENS_TO_FAIL.set(0);
        }
        assertEquals(1, FlakyFileSystem.FAILED.get(), "the fault was injected once");
        for (String table : List.of("theme_monthly", "doc_themes", "topics", "topic_monthly", "doc_topics", "terms_monthly",
                "documents", "rejects", "input_files", "topic_registry", "topic_sweep")) {
            assertEquals(Files.readString(clean.resolve("csv/" + table + ".csv")),
                    Files.readString(retried.resolve("csv/" + table + ".csv")), table);
        }
    }
}
