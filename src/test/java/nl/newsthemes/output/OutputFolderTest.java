package nl.newsthemes.output;

import nl.newsthemes.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {
    private static final Configuration CONF = new Configuration();

    private static String refused(String output, String input) {
        return assertThrows(ConfigException.class, () -> OutputFolder.prepare(output, List.of(input), "r1", CONF)).getMessage();
    }

    @Test
    void outputAndInputMustNotOverlap(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("news"));
        String why = "the output folder is replaced on every run, so it must lie outside every input (and hold none); "
                + "choose another --output";
        assertEquals("output " + in + " and input " + in + " overlap: " + why, refused(in.toString(), in.toString()));
        assertEquals("output " + in.resolve("out") + " and input " + in + " overlap: " + why,
                refused(in.resolve("out").toString(), in.toString()));
        assertEquals("output " + dir + " and input " + in + " overlap: " + why, refused(dir.toString(), in.toString()));
        // A sibling whose name merely starts the same is fine.
        OutputFolder ok = OutputFolder.prepare(dir.resolve("news-out").toString(), List.of(in.toString()), "r1", CONF);
        ok.discard();
        ok.release();
    }

    @Test
    void aNeighbourWhoseNameHadoopCannotReadIsNamedInTheError(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("csv-XX:+UseG1GC"));
        String message = refused(dir.resolve("out").toString(), "data/sample");
        assertEquals("output file:" + dir.resolve("out") + ": its parent folder file:" + dir + " holds a name Hadoop "
                + "cannot read (java.net.URISyntaxException: Relative path in absolute URI: csv-XX:+UseG1GC); a ':' in a "
                + "file name is the usual cause: rename that file or give --output a folder of its own", message);
        assertFalse(Files.exists(dir.resolve(".out.lock")), "the lock is released");
    }

    @Test
    void anUnrelatedFolderIsNeverReplaced(@TempDir Path dir) throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("thesis")).resolve("chapter1.docx"), "precious");
        assertEquals("output " + dir.resolve("thesis") + " exists and is not an output of this job (no manifest.json): "
                + "choose another --output or empty it", refused(dir.resolve("thesis").toString(), "data/sample"));
    }

    /** An output keeps its table format: a switch would drop the Delta tables' history, or mix them with Parquet. */
    @Test
    void anOutputKeepsItsTableFormat(@TempDir Path dir) throws IOException {
        Path parquet = Files.createDirectories(dir.resolve("parquet"));
        Files.writeString(parquet.resolve("manifest.json"), "{\"run_id\" : \"r0\"}"); // before table_format existed
        assertEquals("output " + parquet + " holds parquet tables and this run writes delta (table_format): the switch "
                        + "would drop the published tables' history, so write to a new --output, or empty this one first",
                assertThrows(ConfigException.class, () -> OutputFolder.prepare(parquet.toString(), List.of("data/sample"),
                        "r1", CONF, nl.newsthemes.config.TableFormat.DELTA)).getMessage());
        Path delta = Files.createDirectories(dir.resolve("delta"));
        Files.writeString(delta.resolve("manifest.json"), "{\"table_format\" : \"delta\"}");
        assertEquals("output " + delta + " holds delta tables and this run writes parquet (table_format): the switch "
                        + "would drop the published tables' history, so write to a new --output, or empty this one first",
                refused(delta.toString(), "data/sample"));
        assertFalse(Files.exists(dir.resolve(".delta.lock")), "the lock is released");
    }

    @Test
    void aSecondRunOnTheSameOutputRefusesAndLeavesTheFirstRunsStagingAlone(@TempDir Path dir) throws IOException {
        OutputFolder first = OutputFolder.prepare(dir.resolve("out").toString(), List.of("data/sample"), "r1", CONF);
        Files.writeString(Path.of(first.staging().toUri()).resolve("half.parquet"), "half");

        OutputLockedException refused = assertThrows(OutputLockedException.class,
                () -> OutputFolder.prepare(dir.resolve("out").toString(), List.of("data/sample"), "r2", CONF));
        assertTrue(refused.getMessage().startsWith("output file:" + dir.resolve("out") + " is in use by run r1 (host "),
                refused.getMessage());
        assertEquals("half", Files.readString(dir.resolve(".out.staging-r1").resolve("half.parquet")));
        assertFalse(Files.exists(dir.resolve(".out.staging-r2")));

        first.discard();
        first.release();
        OutputFolder second = OutputFolder.prepare(dir.resolve("out").toString(), List.of("data/sample"), "r2", CONF);
        assertEquals(List.of(".out.lock", ".out.staging-r2"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
        second.discard();
        second.release();
        assertEquals(List.of(), Files.list(dir).toList());
    }

    @Test
    void aKilledPublishIsPutBackAndStaleStagingRemoved(@TempDir Path dir) throws IOException {
        // Killed between "output -> .output.previous-r0" and ".output.staging-r0 -> output": the output is gone.
        Path previous = Files.createDirectories(dir.resolve(".out.previous-r0"));
        Files.writeString(previous.resolve(OutputFolder.MANIFEST), "{\"run_id\": \"r0\"}");
        Path staleStaging = Files.createDirectories(dir.resolve(".out.staging-r0"));
        Files.writeString(staleStaging.resolve("half.parquet"), "half");

        OutputFolder folder = OutputFolder.prepare(dir.resolve("out").toString(), List.of("data/sample"), "r1", CONF);
        assertEquals("{\"run_id\": \"r0\"}", Files.readString(dir.resolve("out").resolve(OutputFolder.MANIFEST)));
        assertFalse(Files.exists(previous));
        assertFalse(Files.exists(staleStaging));
        assertTrue(Files.isDirectory(dir.resolve(".out.staging-r1")));

        Files.writeString(dir.resolve(".out.staging-r1").resolve(OutputFolder.MANIFEST), "{\"run_id\": \"r1\"}");
        folder.publish();
        folder.release();
        assertEquals("{\"run_id\": \"r1\"}", Files.readString(dir.resolve("out").resolve(OutputFolder.MANIFEST)));
        assertEquals(List.of("out"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
    }
}
