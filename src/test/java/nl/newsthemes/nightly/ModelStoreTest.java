package nl.newsthemes.nightly;

import nl.newsthemes.SampleRun;
import nl.newsthemes.config.ConfigException;
import nl.newsthemes.output.OutputFolder;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model folder ({@code --model-dir}): readers take the version LATEST names, never one a killed or failed run
 * left half-written; a version whose model.json cannot be read is passed over by a refit and refused by a reuse.
 */
class ModelStoreTest {
    private static final Configuration CONF = new Configuration();
    private static final List<String> READ_IN = List.of("nl", "en");

    @Test
    void aHalfWrittenVersionIsNeverReadAndADamagedLatestVersionIsPassedOverByARefitAndRefusedByAReuse(@TempDir Path dir) throws IOException {
        String modelJson = Files.readString(SampleRun.oneClustering().resolve("_state/model/model.json"));
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(Files.createDirectories(models.resolve("r1")).resolve("model.json"), modelJson);
        Files.writeString(models.resolve(ModelStore.LATEST), "r1\n");
        // r2 was killed while it wrote its version, before LATEST was moved: newer, half-written, never named.
        Files.writeString(Files.createDirectories(models.resolve("r2")).resolve("model.json"), modelJson.substring(0, 200));

        OutputFolder out = OutputFolder.prepare(dir.resolve("out").toString(), List.of("data/sample"), "r3", CONF);
        try {
            ModelStore store = ModelStore.of(models.toString(), out, CONF);
            String r1 = SavedModel.readFrom(org.apache.hadoop.fs.FileSystem.getLocal(CONF),
                    new org.apache.hadoop.fs.Path(models.resolve("r1").toUri())).runId();
            assertEquals(r1, store.latest().model().runId());
            assertEquals(r1, store.required(READ_IN).model().runId());
            // Fitted on articles read in Dutch and English: its stems are not those of a run that reads Dutch only.
            assertEquals("--model reuse needs a model fitted on articles read in the same languages, and the saved model "
                    + "of run " + r1 + " read them in [nl, en] where this run reads [nl]: run with --model refit, or set "
                    + "languages to [nl, en]", assertThrows(ConfigException.class, () -> store.required(List.of("nl")))
                    .getMessage());
            assertTrue(store.latest().folder().toString().endsWith("/models/r1"), store.latest().folder().toString());

            // Damaged after it was published (a disk error): a refit passes it over, a reuse refuses, naming it.
            Files.writeString(models.resolve("r1").resolve("model.json"), modelJson.substring(0, 200));
            assertNull(store.latest());
            ConfigException refused = assertThrows(ConfigException.class, () -> store.required(READ_IN));
            assertTrue(refused.getMessage().startsWith("--model reuse needs a saved model, and file:"
                    + models.resolve("r1").resolve("model.json") + " cannot be read ("), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("): run with --model refit to fit and save a new one"),
                    refused.getMessage());

            // A LATEST that names no version at all is damaged state too.
            Files.writeString(models.resolve(ModelStore.LATEST), "\n");
            assertNull(store.latest());
            assertTrue(assertThrows(ConfigException.class, () -> store.required(READ_IN)).getMessage().startsWith(
                    "--model reuse needs a saved model, and file:" + models.resolve("LATEST") + " cannot be read (it names no version: ''): "));
        } finally {
            out.discard();
            out.release();
        }
    }
}
