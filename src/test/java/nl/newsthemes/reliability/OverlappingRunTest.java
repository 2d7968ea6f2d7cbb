package nl.newsthemes.reliability;

import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.OutputFiles;
import nl.newsthemes.SampleRun;
import nl.newsthemes.output.OutputLock;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second run on an output folder that a live run holds (a nightly run that outlasts its night, a manual rerun
 * beside it) refuses at once with exit code 4, naming the holder, and touches nothing of the output.
 */
class OverlappingRunTest {
    @Test
    void aSecondRunRefusesWhileAnotherHoldsTheOutput(@TempDir Path dir) throws Exception {
        Path out = SampleRun.copyTo(SampleRun.oneClustering(), dir.resolve("out"));
        Map<String, String> published = OutputFiles.everyFile(out);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out.toString());

        // This test's JVM stands for the first run: a live process of this host that holds the output's lock.
        try (OutputLock first = OutputLock.acquire(FileSystem.getLocal(new Configuration()), target, "first-run")) {
            String lock = Files.readString(dir.resolve(".out.lock"));
            Process second = JobProcess.start(dir.resolve("second.log"), "1g", "--input", "data/sample",
                    "--output", out.toString(), "--master", "local[2]", "--config", OneClustering.config());
            assertTrue(second.waitFor(3, TimeUnit.MINUTES), "the second run ended");
            String log = Files.readString(dir.resolve("second.log"));
            assertEquals(ExitCode.LOCKED.code, second.exitValue(), log);

            OutputLock.Holder h = first.holder();
            assertTrue(log.contains("news-themes: output file:" + out + " is in use by run first-run (host " + h.host()
                    + ", pid " + h.pid() + ", started " + h.started() + "): wait for that run to finish; "), log);
            assertEquals(lock, Files.readString(dir.resolve(".out.lock")), "the holder's lock is untouched");
            try (Stream<Path> siblings = Files.list(dir)) {
                assertEquals(List.of(".out.lock", "out", "second.log"),
                        siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder");
            }
            assertEquals(published, OutputFiles.everyFile(out), "the published output is byte-identical");
        }
    }
}
