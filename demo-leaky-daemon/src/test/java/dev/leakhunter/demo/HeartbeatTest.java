package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void lineHasJobsRateQueueAndHeapInMegabytes() {
        assertEquals("heartbeat: jobs=1234 rate=812.3/s queue=100 heap=23.4 MB",
                Heartbeat.line(1234, 812.34, 100, (long) (23.4 * 1024 * 1024)));
        assertEquals("heartbeat: jobs=0 rate=0.0/s queue=0 heap=0.0 MB", Heartbeat.line(0, 0, 0, 0));
    }
}
