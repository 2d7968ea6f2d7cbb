package nl.newsthemes.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConcurrentJobsTest {
    @Test
    void resultsComeInTheListedOrderWhateverOrderThePiecesFinishIn() {
        // The first piece waits until the last one has run: it finishes last, and its result still comes first.
        CountDownLatch lastRan = new CountDownLatch(1);
        List<Callable<String>> work = List.of(
                () -> lastRan.await(10, TimeUnit.SECONDS) ? "first" : "timed out",
                () -> "second",
                () -> {
                    lastRan.countDown();
                    return "third";
                });
        assertEquals(List.of("first", "second", "third"), ConcurrentJobs.run(work, 3));
    }

    @Test
    void theFirstFailureInTheListedOrderIsThrownWithTheLaterOnesAfterEveryPieceHasEnded() {
        AtomicInteger ended = new AtomicInteger();
        IllegalStateException second = new IllegalStateException("second failed");
        IllegalArgumentException third = new IllegalArgumentException("third failed");
        List<Callable<Integer>> work = List.of(
                () -> ended.incrementAndGet(),
                () -> {
                    ended.incrementAndGet();
                    throw second;
                },
                () -> {
                    ended.incrementAndGet();
                    throw third;
                },
                () -> {
                    Thread.sleep(200);
                    return ended.incrementAndGet();
                });
        assertSame(second, assertThrows(IllegalStateException.class, () -> ConcurrentJobs.run(work, 2)));
        assertEquals(4, ended.get(), "no piece was still running when the failure was thrown");
        assertEquals(List.of(third), List.of(second.getSuppressed()), "the later failure comes with the first");
    }

    @Test
    void aFailureSharedByTwoPiecesIsThrownOnce() {
        IllegalStateException shared = new IllegalStateException("shared");
        List<Callable<Integer>> work = List.of(() -> {
            throw shared;
        }, () -> {
            throw shared;
        });
        assertSame(shared, assertThrows(IllegalStateException.class, () -> ConcurrentJobs.run(work, 2)));
        assertEquals(0, shared.getSuppressed().length);
    }

    @Test
    void aCheckedExceptionComesBackWithItsMessageAndCause() {
        java.io.IOException disk = new java.io.IOException("No space left on device");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ConcurrentJobs.run(
                List.<Callable<Integer>>of(() -> 1, () -> {
                    throw disk;
                })));
        assertEquals("No space left on device", thrown.getMessage());
        assertSame(disk, thrown.getCause());
    }
}
