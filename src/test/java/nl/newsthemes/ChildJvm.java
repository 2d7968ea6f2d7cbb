package nl.newsthemes;

import java.nio.file.Path;
import java.util.List;

/**
 * JVM options for the short-lived JVMs that tests start (a job to kill or to fill a disk under, a standalone
 * cluster's master, worker and driver).
 */
public final class ChildJvm {
    /**
     * Only the quick just-in-time compiler (C1), with the usual room for compiled code. Such a JVM runs the job once
     * on a few articles: nearly all of its time is compiling code that runs only a few times, which C2 compiles
     * again, slowly, on the same two cores. A cold run of the sample takes about a third less CPU and a sixth less
     * time this way (README, Performance); a long run on a real corpus would be slower, which is why the job itself is
     * not started this way. Without the second option a C1-only JVM reserves 48 MB for compiled code, which one run
     * of the job fills: the JVM then stops compiling and the run fails with "Out of space in CodeCache for adapters".
     * The job's garbage collector (jobs/gc.args), as jobs/run-local.sh starts the job.
     */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m",
            "@" + Path.of("jobs/gc.args").toAbsolutePath());

    /** The test JVM's own java, which every child JVM runs on. */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ChildJvm() {
    }
}
