package nl.newsthemes.output;

import nl.newsthemes.reliability.FileEvents;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputLockTest {
    private FileSystem fs;
    private Path dir;
    private org.apache.hadoop.fs.Path target;
    private Path lockFile;

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        this.fs = FileSystem.getLocal(new Configuration());
        this.dir = dir;
        this.target = new org.apache.hadoop.fs.Path(dir.resolve("out").toUri());
        this.lockFile = dir.resolve(".out.lock");
    }

    private String holderJson(String runId, String host, long pid) throws IOException {
        return holderJson(runId, host, pid, "2026-12-01T02:30:00Z", pidNamespace(), "");
    }

    private static String holderJson(String runId, String host, long pid, String started, String namespace,
                                     String processStarted) {
        return "{\"run_id\":\"" + runId + "\",\"host\":\"" + host + "\",\"pid\":" + pid + ",\"started\":\"" + started
                + "\",\"pid_namespace\":\"" + namespace + "\",\"process_started\":\"" + processStarted + "\"}";
    }

    private static String pidNamespace() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    }

    private void lockedBy(String json, Duration ago) throws IOException {
        Files.writeString(lockFile, json);
        Files.setLastModifiedTime(lockFile, FileTime.from(Instant.now().minus(ago)));
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theLockNamesItsHolderAndASecondRunIsRefusedUntilItIsReleased() throws IOException {
        OutputLock first = OutputLock.acquire(fs, target, "r1");
        OutputLock.Holder me = first.holder();
        assertEquals(ProcessHandle.current().pid(), me.pid());
        assertEquals(holderJson("r1", me.host(), me.pid(), me.started(), pidNamespace(),
                ProcessHandle.current().info().startInstant().orElseThrow().toString()), Files.readString(lockFile));

        OutputLockedException refused = assertThrows(OutputLockedException.class, () -> OutputLock.acquire(fs, target, "r2"));
        assertEquals("output " + target + " is in use by run r1 (host " + me.host() + ", pid " + me.pid() + ", started "
                + me.started() + "): wait for that run to finish; if it is gone and its host is another, its lock ("
                + new org.apache.hadoop.fs.Path(lockFile.toUri()) + ") frees itself 10 minutes after its last heartbeat, "
                + "or remove that file", refused.getMessage());

        first.close();
        assertEquals(List.of(), files());
        try (OutputLock second = OutputLock.acquire(fs, target, "r2")) {
            assertEquals("r2", second.holder().runId());
            assertTrue(Files.readString(lockFile).startsWith("{\"run_id\":\"r2\","));
        }
    }

    @Test
    void theLockOfAProcessOfThisHostThatNoLongerRunsIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        lockedBy(holderJson("r1", host, gone.pid()), Duration.ZERO);

        try (OutputLock taken = OutputLock.acquire(fs, target, "r2")) {
            assertEquals("r2", taken.holder().runId());
            assertEquals(List.of(".out.lock"), files(), "no renamed-away lock stays behind");
        }
    }

    @Test
    void aLiveProcessOfThisHostKeepsItsLockWhileItsHeartbeatIsFresh() throws IOException {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        // Our own process stands for a live run of another JVM.
        lockedBy(holderJson("r1", host, ProcessHandle.current().pid()), Duration.ofMinutes(9));
        assertThrows(OutputLockedException.class, () -> OutputLock.acquire(fs, target, "r2"));
        assertTrue(Files.readString(lockFile).startsWith("{\"run_id\":\"r1\","));
        // A live process whose lock has not been touched for so long is not the run that took it (its pid was reused).
        lockedBy(holderJson("r1", host, ProcessHandle.current().pid()), Duration.ofMinutes(11));
        OutputLock.acquire(fs, target, "r2").close();
    }

    @Test
    void aLockOfAnotherHostIsTakenOverOnlyOnceItsHeartbeatIsStale() throws IOException {
        lockedBy(holderJson("r1", "elsewhere.example.org", 4242), Duration.ofMinutes(9));
        OutputLockedException refused = assertThrows(OutputLockedException.class, () -> OutputLock.acquire(fs, target, "r2"));
        assertTrue(refused.getMessage().contains(" is in use by run r1 (host elsewhere.example.org, pid 4242, started "
                + "2026-12-01T02:30:00Z)"), refused.getMessage());

        lockedBy(holderJson("r1", "elsewhere.example.org", 4242), Duration.ofMinutes(11));
        try (OutputLock taken = OutputLock.acquire(fs, target, "r2")) {
            assertEquals("r2", taken.holder().runId());
        }
    }

    @Test
    void anUnreadableLockIsRefusedWhileFreshAndTakenOverOnceStale() throws IOException {
        lockedBy("{\"run_i", Duration.ZERO);
        OutputLockedException refused = assertThrows(OutputLockedException.class, () -> OutputLock.acquire(fs, target, "r2"));
        assertTrue(refused.getMessage().contains(" is in use by run unknown (unreadable lock file) (host unknown, pid -1"),
                refused.getMessage());
        lockedBy("{\"run_i", Duration.ofMinutes(11));
        OutputLock.acquire(fs, target, "r2").close();
        assertEquals(List.of(), files());
    }

    @Test
    void aLiveRunTouchesItsLockSoThatItNeverLooksStale() throws Exception {
        try (OutputLock lock = OutputLock.acquire(fs, target, "r1", Duration.ofMillis(20), OutputLock.STALE)) {
            Instant old = Instant.now().minus(Duration.ofHours(1));
            Files.setLastModifiedTime(lockFile, FileTime.from(old));
            // Woken by the heartbeat's touch of the lock file (a change in its folder), within 10 seconds.
            FileEvents.await(lockFile.getParent(), 0, null, () -> "the lock file's time is still "
                            + Files.getLastModifiedTime(lockFile), Duration.ofSeconds(10), "touched the lock",
                    () -> Files.getLastModifiedTime(lockFile).toInstant().isAfter(old.plusSeconds(60))
                            ? java.util.Optional.of(lockFile) : java.util.Optional.empty());
            assertTrue(Files.getLastModifiedTime(lockFile).toInstant().isAfter(Instant.now().minusSeconds(60)),
                    "the heartbeat touched the lock");
        }
    }

    @Test
    void releasingLeavesALockThatAnotherRunTookOver() throws IOException {
        OutputLock first = OutputLock.acquire(fs, target, "r1");
        Files.writeString(lockFile, holderJson("r2", "elsewhere.example.org", 4242));
        first.close();
        assertEquals(holderJson("r2", "elsewhere.example.org", 4242), Files.readString(lockFile));
    }

    @Test
    void ofTwoRunsThatFindTheSameDeadLockOnlyTheOneWithTheTakeoverTokenTakesItOver() throws IOException {
        lockedBy(holderJson("r1", "elsewhere.example.org", 4242), Duration.ofMinutes(11));
        // Another run is taking the dead lock over this very moment: it holds the token.
        Files.writeString(dir.resolve(".out.lock.takeover"), holderJson("r2", "elsewhere.example.org", 4343));
        assertThrows(OutputLockedException.class, () -> OutputLock.acquire(fs, target, "r3"));
        assertTrue(Files.readString(lockFile).startsWith("{\"run_id\":\"r1\","), "the lock is left to the token's holder");

        // A token a run killed mid-takeover left behind is removed once it is a minute old; the run after it takes over.
        Files.setLastModifiedTime(dir.resolve(".out.lock.takeover"), FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        assertThrows(OutputLockedException.class, () -> OutputLock.acquire(fs, target, "r3"));
        try (OutputLock taken = OutputLock.acquire(fs, target, "r4")) {
            assertEquals("r4", taken.holder().runId());
            assertEquals(List.of(".out.lock"), files());
        }
    }
}
