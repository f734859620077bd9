package dev.leakhunter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaemonOptionsTest {

    @Test
    void defaultsWhenNoFlags() throws UsageException {
        DaemonOptions options = DaemonOptions.parse();
        assertFalse(options.help());
        assertEquals(Set.of(), options.leaks());
        assertEquals(0, options.jobs());
        assertEquals(0, options.rate());
        assertEquals(1, options.workers());
        assertEquals(5, options.heartbeatSeconds());
        assertEquals(Path.of("demo-leaky-daemon.pid"), options.pidFile());
    }

    @Test
    void everyFlagWithEquals() throws UsageException {
        DaemonOptions options = DaemonOptions.parse("--leak=processed-log", "--jobs=600", "--rate=250",
                "--workers=3", "--heartbeat=0", "--pid-file=/tmp/x/demo.pid");
        assertEquals(EnumSet.of(Leak.PROCESSED_LOG), options.leaks());
        assertEquals(600, options.jobs());
        assertEquals(250, options.rate());
        assertEquals(3, options.workers());
        assertEquals(0, options.heartbeatSeconds());
        assertEquals(Path.of("/tmp/x/demo.pid"), options.pidFile());
    }

    @Test
    void everyFlagWithSeparateValue() throws UsageException {
        DaemonOptions options = DaemonOptions.parse("--leak", "async-save", "--jobs", "600", "--rate", "7",
                "--workers", "2", "--heartbeat", "9", "--pid-file", "p.pid");
        assertEquals(EnumSet.of(Leak.ASYNC_SAVE), options.leaks());
        assertEquals(600, options.jobs());
        assertEquals(7, options.rate());
        assertEquals(2, options.workers());
        assertEquals(9, options.heartbeatSeconds());
        assertEquals(Path.of("p.pid"), options.pidFile());
    }

    @Test
    void leaksCombineWithCommasAndNoneMeansNone() throws UsageException {
        assertEquals(EnumSet.of(Leak.PROCESSED_LOG, Leak.ASYNC_SAVE),
                DaemonOptions.parse("--leak=processed-log,async-save").leaks());
        assertEquals(EnumSet.allOf(Leak.class),
                DaemonOptions.parse("--leak=async-save,template-cache,processed-log").leaks());
        assertEquals(Set.of(), DaemonOptions.parse("--leak=none").leaks());
        assertEquals("processed-log,async-save", Leak.describe(DaemonOptions.parse("--leak=async-save,processed-log").leaks()));
    }

    @Test
    void unknownLeakNamesTheValidOnes() {
        UsageException e = assertThrows(UsageException.class, () -> DaemonOptions.parse("--leak=processed-log,bogus"));
        assertTrue(e.getMessage().startsWith("--leak=processed-log,bogus: unknown leak 'bogus'"), e.getMessage());
        assertTrue(e.getMessage().contains("none, processed-log, template-cache, async-save"), e.getMessage());
    }

    @Test
    void noneDoesNotCombine() {
        UsageException e = assertThrows(UsageException.class, () -> DaemonOptions.parse("--leak=none,async-save"));
        assertTrue(e.getMessage().contains("'none' cannot be combined"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--jobs=abc        | --jobs=abc: not a whole number; expected --jobs=N with N >= 0",
        "--jobs=-1         | --jobs=-1: out of range; expected --jobs=N with N >= 0",
        "--rate=fast       | --rate=fast: not a whole number; expected --rate=N with N from 0 to 1000000",
        "--rate=1000001    | --rate=1000001: out of range; expected --rate=N",
        "--workers=0       | --workers=0: out of range; expected --workers=N with N from 1 to 64",
        "--workers=65      | --workers=65: out of range; expected --workers=N with N from 1 to 64",
        "--workers=1.5     | --workers=1.5: not a whole number; expected --workers=N",
        "--heartbeat=-5    | --heartbeat=-5: out of range; expected --heartbeat=SECONDS",
        "--heartbeat=      | --heartbeat=: not a whole number; expected --heartbeat=SECONDS",
        "--pid-file=       | --pid-file is empty: --pid-file=PATH",
        "--leak=           | --leak=: unknown leak ''",
        "--verbose         | unknown flag --verbose; valid flags: --leak, --jobs, --rate, --workers, --heartbeat, --pid-file, --help",
        "--jobs            | --jobs needs a value: --jobs=N with N >= 0",
        "600               | unexpected argument '600'",
    })
    void badValuesNameTheFlagAndItsValidForm(String arg, String messageStart) {
        UsageException e = assertThrows(UsageException.class, () -> DaemonOptions.parse(arg));
        assertTrue(e.getMessage().startsWith(messageStart), () -> "message: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aValueMustNotBeTheNextFlag() {
        UsageException e = assertThrows(UsageException.class, () -> DaemonOptions.parse("--jobs", "--rate=5"));
        assertTrue(e.getMessage().startsWith("--jobs needs a value"), e.getMessage());
    }

    @Test
    void aFlagGivenTwiceIsAnError() {
        UsageException e = assertThrows(UsageException.class, () -> DaemonOptions.parse("--jobs=5", "--jobs", "6"));
        assertTrue(e.getMessage().startsWith("--jobs is given twice"), e.getMessage());
    }

    @Test
    void helpWinsOverEverythingElse() throws UsageException {
        assertTrue(DaemonOptions.parse("--help").help());
        assertTrue(DaemonOptions.parse("-h").help());
        assertTrue(DaemonOptions.parse("--jobs=bad", "--help").help());
    }

    @Test
    void usageExplainsEveryFlagEveryLeakAndTheJobBoundary() {
        String usage = DaemonOptions.usage();
        assertTrue(usage.contains("job boundary for leakhunter: dev.leakhunter.demo.Worker#handle"), usage);
        for (String flag : new String[] {"--leak=", "--jobs=", "--rate=", "--workers=", "--heartbeat=", "--pid-file=", "--help"}) {
            assertTrue(usage.contains(flag), flag);
        }
        assertTrue(usage.contains("  none"), usage);
        for (Leak leak : Leak.values()) {
            assertTrue(usage.contains("  " + leak.cliName() + "  (on " + leak.jobKind().label() + " jobs)"), leak.cliName());
        }
        // The planted types, unwrapped, as the agent's tests will look for them.
        String flat = usage.replaceAll("\\s+", " ");
        for (String type : new String[] {"dev.leakhunter.demo.orders.Order", "dev.leakhunter.demo.Worker.processed",
            "dev.leakhunter.demo.mail.TemplateClassLoader", "dev.leakhunter.demo.mail.templates.WeeklyDigestTemplate",
            "dev.leakhunter.demo.mail.TemplateCache.COMPILED", "dev.leakhunter.demo.avatar.Member", "byte[]",
            "dev.leakhunter.demo.avatar.AvatarStore.connected"}) {
            assertTrue(flat.contains(type), type);
        }
        for (String line : usage.split("\\R")) {
            assertTrue(line.length() <= 120, () -> "line too long for a terminal: " + line);
        }
    }
}
