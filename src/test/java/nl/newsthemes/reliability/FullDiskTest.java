package nl.newsthemes.reliability;

import nl.newsthemes.ExitCode;
import nl.newsthemes.OneClustering;
import nl.newsthemes.OutputFiles;
import nl.newsthemes.SampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run whose disk fills while it writes: exit 1 with a message that says the disk is full and where, the published
 * output byte-identical, and no staging folder left to fill the disk further.
 *
 * <p>The small disk is a real file system, a tmpfs, mounted in a mount namespace of the test's own
 * ({@code unshare --map-root-user --mount}, util-linux): no root needed, and the mount ends with the namespace. The
 * published output is copied onto it, the job runs over it in that namespace, and what the disk then holds is copied
 * out for the assertions.
 */
class FullDiskTest {
    /** Room for the published sample output and about half of a second one. */
    private static final String DISK_SIZE = "900k";

    @Test
    void aFullDiskFailsTheRunAndLeavesThePublishedOutputWhole(@TempDir Path dir) throws Exception {
        Path published = SampleRun.oneClustering();
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Path after = dir.resolve("after");
        Path log = dir.resolve("job.log");
        Path out = disk.resolve("out");

        List<String> job = JobProcess.command("1g", "--input", Path.of("data/sample").toAbsolutePath().toString(),
                "--output", out.toString(), "--master", "local[2]", "--config", OneClustering.config());
        String script = String.join("\n",
                "set -eu",
                "mount -t tmpfs -o size=" + DISK_SIZE + " tmpfs " + quote(disk),
                "cp -a " + quote(published) + " " + quote(out),
                "set +e",
                job.stream().map(FullDiskTest::quote).collect(Collectors.joining(" ")) + " > " + quote(log) + " 2>&1",
                "echo $? > " + quote(dir.resolve("exit")),
                "set -e",
                "ls -A " + quote(disk) + " > " + quote(dir.resolve("listing")),
                "cp -a " + quote(out) + " " + quote(after));
        List<String> command = new ArrayList<>(List.of("unshare", "--map-root-user", "--mount", "bash", "-c", script));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("unshare.log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run on the small disk ended");
        assertEquals(0, p.exitValue(), "the namespace and its tmpfs: " + Files.readString(dir.resolve("unshare.log")));

        String output = Files.readString(log);
        assertEquals(ExitCode.FAILED.code, Integer.parseInt(Files.readString(dir.resolve("exit")).strip()), output);
        assertTrue(output.contains("news-themes: run failed, previous outputs left as they were: the disk is full: "
                + "no space left on device for " + disk + ", where the run stages its output; free space there and run "
                + "again\n"), output);
        assertEquals("out\n", Files.readString(dir.resolve("listing")), "no staging folder and no lock stay behind");
        Map<String, String> before = OutputFiles.everyFile(published);
        assertEquals(before, OutputFiles.everyFile(after), "the published output is byte-identical");
    }

    private static String quote(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }
}
