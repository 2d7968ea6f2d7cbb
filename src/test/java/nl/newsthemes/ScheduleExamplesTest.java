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
 * The scheduling examples in jobs/schedule/ are well formed, as far as can be told without cron or Airflow: both
 * Airflow 3 DAGs and the module they share compile as Python, import from Airflow 3's modules and only names the
 * shared module defines, the crontab has one entry with five time
 * fields whose command is valid bash and runs jobs/submit.sh for the night's date, incrementally, and README shows
 * that entry as it is.
 */
class ScheduleExamplesTest {
    static final Path SCHEDULE = Path.of("jobs/schedule");
    static final String NIGHTLY = "news_themes_nightly.py";

    @Test
    void airflowDagsCompile(@TempDir Path dir) throws Exception {
        // Airflow is not installable here: this catches syntax errors and a name a DAG imports from
        // news_themes_nightly that is not there, not a wrong operator argument.
        DebianPython.requireModules();
        for (String file : List.of(NIGHTLY, "news_themes_dag.py", "news_themes_spark_submit_dag.py")) {
            DebianPython.Ran compiled = DebianPython.run(Map.of("PYTHONPYCACHEPREFIX", dir.toString()),
                    Duration.ofMinutes(1), List.of("-m", "py_compile", SCHEDULE.resolve(file).toString()));
            assertEquals(0, compiled.exit(), file + ": " + compiled.output());
            String python = Files.readString(SCHEDULE.resolve(file));
            // Airflow 3's places: the DAG from the Task SDK, operators and notifiers from their providers. Airflow 2's
            // airflow.operators.* and airflow.utils.email are gone from it.
            assertFalse(python.contains("from airflow import DAG") || python.contains("airflow.operators.")
                    || python.contains("airflow.utils."), file);
        }
        String nightly = Files.readString(SCHEDULE.resolve(NIGHTLY));
        assertTrue(nightly.contains("\nfrom airflow.providers.smtp.notifications.smtp import SmtpNotifier\n"), nightly);
        assertTrue(nightly.contains("\"retries\": 2,") && nightly.contains("\"retry_delay\": timedelta(minutes=10),"), nightly);
        assertTrue(nightly.contains("\"on_failure_callback\": ALERT,"), nightly);
        assertTrue(nightly.contains("schedule=\"30 2 * * *\""), nightly);
        assertTrue(nightly.contains("\nRUN_DATE = \"{{ data_interval_end | ds }}\"\n"), nightly);

        String bash = Files.readString(SCHEDULE.resolve("news_themes_dag.py"));
        assertEquals(List.of("INPUT", "NIGHTLY", "OUTPUT", "RUN_DATE"), sharedNamesImported("news_themes_dag.py", dir));
        assertTrue(bash.contains("\nfrom airflow.sdk import DAG\n"), bash);
        assertTrue(bash.contains("\nfrom airflow.providers.standard.operators.bash import BashOperator\n"), bash);
        assertTrue(bash.contains("/jobs/submit.sh\"\n            f\" --run-date {RUN_DATE} --incremental"), bash);
        String sparkSubmit = Files.readString(SCHEDULE.resolve("news_themes_spark_submit_dag.py"));
        assertEquals(List.of("INPUT", "NIGHTLY", "OUTPUT", "RUN_DATE"),
                sharedNamesImported("news_themes_spark_submit_dag.py", dir));
        assertTrue(sparkSubmit.contains("\nfrom airflow.sdk import DAG\n"), sparkSubmit);
        assertTrue(sparkSubmit.contains(
                "\nfrom airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator\n"), sparkSubmit);
        assertTrue(sparkSubmit.contains("[\"--run-date\", RUN_DATE, \"--incremental\","), sparkSubmit);
        assertTrue(sparkSubmit.contains("java_class=\"nl.newsthemes.ThemesJob\""), sparkSubmit);
    }

    /**
     * The names a DAG imports from news_themes_nightly, each checked to be assigned at the top of that module (by
     * Python's own parser, since the module cannot be imported without Airflow).
     */
    private static List<String> sharedNamesImported(String dag, Path dir) throws Exception {
        String script = String.join("\n",
                "import ast, sys",
                "def tree(name): return ast.parse(open(sys.argv[1] + '/' + name).read())",
                "defined = {t.id for n in tree(sys.argv[2]).body if isinstance(n, ast.Assign) for t in n.targets}",
                "imported = [a.name for n in tree(sys.argv[3]).body",
                "            if isinstance(n, ast.ImportFrom) and n.module == sys.argv[2][:-3] for a in n.names]",
                "missing = [name for name in imported if name not in defined]",
                "print(','.join(imported)) if not missing else sys.exit('not in the module: ' + ','.join(missing))");
        DebianPython.Ran ran = DebianPython.run(Map.of("PYTHONPYCACHEPREFIX", dir.toString()), Duration.ofMinutes(1),
                List.of("-c", script, SCHEDULE.toString(), NIGHTLY, dag));
        assertEquals(0, ran.exit(), dag + ": " + ran.output());
        return List.of(ran.output().strip().split(","));
    }

    /** The jar the SparkSubmitOperator DAG names is the one the build makes. */
    @Test
    void sparkSubmitDagNamesTheBuiltJar() throws Exception {
        java.util.regex.Matcher version = java.util.regex.Pattern
                .compile("<artifactId>news-themes</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        assertTrue(Files.readString(SCHEDULE.resolve("news_themes_spark_submit_dag.py"))
                .contains("JAR = \"/opt/news-themes/target/news-themes-" + version.group(1) + "-cluster.jar\"\n"), version.group(1));
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

    @Test
    void readmeShowsTheCronEntryAsItIs() throws Exception {
        String entry = Files.readAllLines(SCHEDULE.resolve("news-themes.cron")).stream()
                .filter(line -> line.startsWith("30 2 ")).findFirst().orElseThrow();
        assertTrue(Files.readString(Path.of("README.md")).contains("```cron\n" + entry + "\n```"), entry);
    }

    private static int bashSyntaxCheck(String command) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-n", "-c", command).inheritIO().start();
        assertTrue(bash.waitFor(1, TimeUnit.MINUTES));
        return bash.exitValue();
    }
}
