package nl.newsthemes.reliability;

import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.SampleRun;
import nl.newsthemes.ThemesJob;
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

        System.setProperty("spark.hadoop.fs.file.impl", FlakyFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.file.impl.disable.cache", "true");
        FlakyFileSystem.OPENS_TO_FAIL.set(1);
        FlakyFileSystem.FAILED.set(0);
        Path retried = dir.resolve("retried");
        try {
            // local[2,3]: two threads, a task may fail three times before the job does.
            assertEquals(ExitCode.DONE, ThemesJob.run(new String[]{"--input", "data/sample",
                    "--output", retried.toString(), "--master", "local[2,3]", "--config", OneClustering.config()}));
        } finally {
            System.clearProperty("spark.hadoop.fs.file.impl");
            System.clearProperty("spark.hadoop.fs.file.impl.disable.cache");
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
