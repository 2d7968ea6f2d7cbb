package nl.newsthemes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jobs/notebooks/themes.ipynb, executed by Jupyter's nbconvert against a run on data/sample, as CI does: every cell
 * runs without an error or a warning, the two charts are drawn, and the tables show the sample's numbers. Needs
 * Debian's python3-nbconvert, -ipykernel, -pandas and -matplotlib ({@code jobs/install-test-packages.sh}); fails,
 * saying so, without them. The executed notebook is kept in target/notebooks/themes.ipynb to open.
 */
class NotebookIT {
    static final Path NOTEBOOK = Path.of("jobs/notebooks/themes.ipynb");
    static final Path EXECUTED_DIR = Path.of("target/notebooks");

    @Test
    void executesAgainstTheSampleRun() throws Exception {
        DebianPython.requireModules("nbconvert", "ipykernel", "pandas", "matplotlib");
        // Only read: the published sample run shared with ClusterSubmitIT in this test JVM.
        Path out = SampleRun.oneClustering();

        Path executed = EXECUTED_DIR.resolve("themes.ipynb");
        Files.deleteIfExists(executed);
        DebianPython.Ran nbconvert = DebianPython.run(
                Map.of("NEWS_THEMES_OUTPUT", out.toString(), "MPLBACKEND", "Agg",
                        // Python 3.11's frozen modules make the kernel's debugger print a warning at every start.
                        "PYDEVD_DISABLE_FILE_VALIDATION", "1"),
                Duration.ofMinutes(5),
                List.of("-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=120",
                        "--output-dir", EXECUTED_DIR.toString(), NOTEBOOK.toString()));
        assertEquals(0, nbconvert.exit(), nbconvert.output());

        Map<String, JsonNode> cells = codeCells(new ObjectMapper().readTree(executed.toFile()));
        assertEquals(List.of("load", "theme-table", "theme-chart", "latest-table", "topic-chart", "topic-terms",
                "terms-table"), List.copyOf(cells.keySet()));
        Map<String, Integer> images = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> cell : cells.entrySet()) {
            assertTrue(cell.getValue().get("execution_count").isInt(), cell.getKey() + " did not run");
            for (JsonNode output : cell.getValue().get("outputs")) {
                String type = output.get("output_type").asText();
                assertTrue(!type.equals("error") && !output.path("name").asText().equals("stderr"),
                        cell.getKey() + " printed an error or a warning: " + output);
                if (output.path("data").has("image/png")) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                            Base64.getMimeDecoder().decode(output.get("data").get("image/png").asText())));
                    assertNotNull(image, cell.getKey() + ": not a PNG");
                    images.merge(cell.getKey(), 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of("theme-chart", 1, "topic-chart", 1), images);

        assertEquals("months: 2 (2021-12 to 2022-01); themes: 8; topics: 2\n", stdout(cells.get("load")));
        assertEquals(List.of(
                        List.of("2021-12", "2022-01"),
                        List.of("arms_deliveries", "0.0% (0.0–65.8)", "0.0% (0.0–56.1)"),
                        List.of("energy_supply", "0.0% (0.0–65.8)", "0.0% (0.0–56.1)"),
                        List.of("minsk_accords", "0.0% (0.0–65.8)", "33.3% (6.1–79.2)"),
                        List.of("nato_expansion", "100.0% (34.2–100.0)", "33.3% (6.1–79.2)"),
                        List.of("nuclear_threat", "50.0% (9.5–90.5)", "33.3% (6.1–79.2)"),
                        List.of("peace_talks", "100.0% (34.2–100.0)", "66.7% (20.8–93.9)"),
                        List.of("refugees", "0.0% (0.0–65.8)", "0.0% (0.0–56.1)"),
                        List.of("sanctions", "100.0% (34.2–100.0)", "100.0% (43.9–100.0)")),
                tableRows(cells.get("theme-table")));
        assertEquals(List.of(
                        List.of("2021-12", "2022-01"),
                        List.of("rank"),
                        List.of("1", "grenzen", "zelensky"),
                        List.of("2", "oosten", "beloofde"),
                        List.of("3", "russische", "benadrukte"),
                        List.of("4", "overleg", "reageren"),
                        List.of("5", "zelensky", "resoluut"),
                        List.of("6", "vs", "verklaring"),
                        List.of("7", "banden", "europa"),
                        List.of("8", "donbass", "situatie"),
                        List.of("9", "inval", "aflatende"),
                        List.of("10", "leger", "bewaren")),
                tableRows(cells.get("terms-table")));
    }

    /** The code cells by their id, in notebook order. */
    private static Map<String, JsonNode> codeCells(JsonNode notebook) {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                cells.put(cell.get("id").asText(), cell);
            }
        }
        return cells;
    }

    private static String stdout(JsonNode cell) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.get("outputs")) {
            if (output.path("name").asText().equals("stdout")) {
                output.get("text").forEach(line -> text.append(line.asText()));
            }
        }
        return text.toString();
    }

    /**
     * The cell's table as pandas prints it (text/plain), a list of cells per line: columns are at least two spaces
     * apart, a value has single spaces at most.
     */
    private static List<List<String>> tableRows(JsonNode cell) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.get("outputs")) {
            if (output.get("output_type").asText().equals("execute_result")) {
                output.get("data").get("text/plain").forEach(line -> text.append(line.asText()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            rows.add(Arrays.asList(line.strip().split("\\s{2,}")));
        }
        return rows;
    }
}
