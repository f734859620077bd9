package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobProducerTest {

    @Test
    void producesExactlyTheTotalThenEnds() throws InterruptedException {
        BlockingQueue<Job> queue = new ArrayBlockingQueue<>(100);
        Thread producer = new Thread(new JobProducer(queue, new JobFactory(), 50, 0, () -> true));
        producer.start();
        producer.join(5_000);
        assertFalse(producer.isAlive());
        List<Job> jobs = new ArrayList<>();
        queue.drainTo(jobs);
        assertEquals(50, jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            assertEquals(i, jobs.get(i).id());
        }
    }

    @Test
    void keepsToTheRate() throws InterruptedException {
        BlockingQueue<Job> queue = new ArrayBlockingQueue<>(100);
        Thread producer = new Thread(new JobProducer(queue, new JobFactory(), 11, 50, () -> true));
        long start = System.nanoTime();
        producer.start();
        producer.join(5_000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(11, queue.size());
        // Job n is due n/50 s after start: the 11th at 200 ms.
        assertTrue(millis >= 195, "took " + millis + " ms");
    }

    @Test
    void blocksOnAFullQueueUntilInterrupted() throws InterruptedException {
        BlockingQueue<Job> queue = new ArrayBlockingQueue<>(5);
        Thread producer = new Thread(new JobProducer(queue, new JobFactory(), 0, 0, () -> true));
        producer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (queue.remainingCapacity() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(20);
        assertTrue(producer.isAlive(), "an unlimited producer waits for room");
        assertEquals(5, queue.size());
        producer.interrupt();
        producer.join(5_000);
        assertFalse(producer.isAlive());
    }
}
