package dev.leakhunter.demo;

import dev.leakhunter.demo.members.MemberDirectory;
import java.util.Random;

/**
 * The deterministic job sequence: ids 0, 1, 2, ..., kinds in rotation, members drawn from a
 * seeded {@link Random}. Two runs produce the same jobs, whatever the rate or worker count.
 * Not thread-safe: the producer thread owns it.
 */
public final class JobFactory {

    /** Fixed, so runs (and the agent's integration tests) are reproducible. */
    public static final long SEED = 20_240_917L;

    private final Random members = new Random(SEED);
    private long nextId;

    public Job next() {
        long id = nextId++;
        return new Job(id, JobKind.ofJob(id), members.nextInt(MemberDirectory.SIZE));
    }
}
