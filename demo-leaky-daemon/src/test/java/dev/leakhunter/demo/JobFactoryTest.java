package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.demo.members.MemberDirectory;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobFactoryTest {

    @Test
    void kindsRotateStrictlyFromOrder() {
        JobFactory jobs = new JobFactory();
        JobKind[] expected = {JobKind.ORDER, JobKind.EMAIL, JobKind.AVATAR};
        Map<JobKind, Integer> counts = new EnumMap<>(JobKind.class);
        for (int i = 0; i < 600; i++) {
            Job job = jobs.next();
            assertEquals(i, job.id());
            assertEquals(expected[i % 3], job.kind(), "job " + i);
            counts.merge(job.kind(), 1, Integer::sum);
        }
        assertEquals(Map.of(JobKind.ORDER, 200, JobKind.EMAIL, 200, JobKind.AVATAR, 200), counts);
    }

    @Test
    void runsAreDeterministicAndMembersSpreadOverTheDirectory() {
        JobFactory first = new JobFactory();
        JobFactory second = new JobFactory();
        Set<Integer> members = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            Job a = first.next();
            Job b = second.next();
            assertEquals(a.memberId(), b.memberId(), "job " + i);
            assertTrue(a.memberId() >= 0 && a.memberId() < MemberDirectory.SIZE);
            members.add(a.memberId());
        }
        // 3,000 draws from 5,000 ids: about 2,250 distinct; far more than the 64-entry cache holds.
        assertTrue(members.size() > 2_000, "distinct members: " + members.size());
    }

    @Test
    void kindOfAJobIsItsIdModuloThree() {
        assertEquals(JobKind.ORDER, JobKind.ofJob(3_000_000_000L));
        assertEquals(JobKind.AVATAR, JobKind.ofJob(5));
        assertThrows(IllegalArgumentException.class, () -> JobKind.ofJob(-1));
    }
}
