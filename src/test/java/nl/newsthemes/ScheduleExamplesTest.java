package nl.newsthemes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduling examples in jobs/schedule/ are well formed, as far as can be told without cron or Airflow: the DAG
 * compiles as Python, the crontab has one entry with five time fields whose command is valid bash and runs
 * jobs/submit.sh for the night's date, incrementally.
 */
class ScheduleExamplesTest {
    static final Path SCHEDULE = Path.of("jobs/schedule");

    @Test
    void airflowDagCompiles(@TempDir Path dir) throws Exception {
        // Airflow is not installable here: this catches syntax errors, not a wrong operator argument.
        DebianPython.requireModules();
        DebianPython.Ran compiled = DebianPython.run(Map.of("PYTHONPYCACHEPREFIX", dir.toString()), Duration.ofMinutes(1),
                List.of("-m", "py_compile", SCHEDULE.resolve("news_themes_dag.py").toString()));
        assertEquals(0, compiled.exit(), compiled.output());
        String dag = Files.readString(SCHEDULE.resolve("news_themes_dag.py"));
        assertTrue(dag.contains("/jobs/submit.sh\"\n            \" --run-date {{ data_interval_end | ds }} --incremental"), dag);
        assertTrue(dag.contains("\"retries\": 2,") && dag.contains("\"retry_delay\": timedelta(minutes=10),"), dag);
    }

    @Test
    void cronEntryRunsSubmitNightly() throws Exception {
        List<String> entries = Files.readAllLines(SCHEDULE.resolve("news-themes.cron")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.matches("[A-Z_]+=.*"))
                .toList();
        assertEquals(1, entries.size(), entries.toString());
        String[] fields = entries.get(0).trim().split("\\s+", 6);
        assertEquals(List.of("30", "2", "*", "*", "*"), Arrays.asList(fields).subList(0, 5));
        String command = fields[5];
        // In a crontab an unescaped % ends the command and feeds the rest to its standard input.
        assertFalse(command.matches(".*(?<!\\\\)%.*"), "unescaped % in: " + command);
        String shell = command.replace("\\%", "%");
        assertTrue(shell.contains(" jobs/submit.sh --run-date $(date +%F) --incremental "), shell);
        assertTrue(shell.contains(">> /var/log/news-themes.log 2>&1 || "), shell);
        assertEquals(0, bashSyntaxCheck(shell), shell);
    }

    private static int bashSyntaxCheck(String command) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-n", "-c", command).inheritIO().start();
        assertTrue(bash.waitFor(1, TimeUnit.MINUTES));
        return bash.exitValue();
    }
}
