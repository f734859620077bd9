package dev.leakhunter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunter.publish.JmxPublisher;
import dev.leakhunter.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {

  @Test
  void onlyJobsGivesTheDefaults() throws Exception {
    AgentOptions o = AgentOptions.parse("jobs=com.acme.Worker#handle");
    assertEquals("com.acme.Worker", o.jobs().get(0).type());
    assertEquals("handle", o.jobs().get(0).method());
    assertEquals(Path.of("leakhunter"), o.out());
    assertEquals(20, o.warmup());
    assertTrue(o.everyAuto());
    assertEquals(2.0, o.overheadPercent());
    assertEquals(1_000_000_000L, o.maxPauseNanos());
    assertEquals("1s", o.asMap().get("maxpause"));
    assertEquals(EnumSet.allOf(ReportFormat.class), o.report());
    assertFalse(o.quiet());
    assertEquals(JmxPublisher.Mode.AUTO, o.jmx());
    assertFalse(o.debug());
  }

  @Test
  void everyKeyIsParsed() throws Exception {
    AgentOptions o = AgentOptions.parse(
        "jobs=com.acme.*#run:com.acme.Mailer#send*,out=/tmp/a,b,warmup=0,every=50,overhead=1.5%,report=json:txt,quiet=true,"
            + "jmx=true");
    assertEquals(2, o.jobs().size());
    assertEquals("com.acme.*", o.jobs().get(0).type());
    assertEquals("send*", o.jobs().get(1).method());
    assertEquals(Path.of("/tmp/a,b"), o.out(), "a comma not followed by key= stays in the value");
    assertEquals(0, o.warmup());
    assertEquals(50, o.every());
    assertFalse(o.everyAuto());
    assertEquals(1.5, o.overheadPercent());
    assertEquals(EnumSet.of(ReportFormat.JSON, ReportFormat.TXT), o.report());
    assertTrue(o.quiet());
    assertEquals(JmxPublisher.Mode.ON, o.jmx());
    assertEquals(JmxPublisher.Mode.OFF, AgentOptions.parse("jobs=a.B#c,jmx=false").jmx());
    assertTrue(AgentOptions.parse("jobs=a.B#c,debug=true").debug());
  }

  @Test
  void effectiveOptionsAreReportedInDesignOrder() throws Exception {
    AgentOptions o = AgentOptions.parse("warmup=5,jobs=a.B#c,every=auto");
    assertEquals(List.of("jobs", "out", "warmup", "every", "overhead", "maxpause", "report", "quiet", "jmx", "debug"), List.copyOf(o.asMap().keySet()));
    assertEquals("a.B#c", o.asMap().get("jobs"));
    assertEquals("auto", o.asMap().get("every"));
    assertEquals("2", o.asMap().get("overhead"));
    assertEquals("5", o.asMap().get("warmup"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "maxpause=2s      | 2000000000 | 2s",
      "maxpause=250ms   | 250000000  | 250ms",
      "maxpause=1.5     | 1500000000 | 1500ms",
      "maxpause=0.5s    | 500000000  | 500ms",
  })
  void maxPauseIsADurationInSecondsOrMillis(String option, long nanos, String shown) throws Exception {
    AgentOptions o = AgentOptions.parse("jobs=a.B#c," + option);
    assertEquals(nanos, o.maxPauseNanos());
    assertEquals(shown, o.asMap().get("maxpause"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "jobs=a.B#c,maxpause=0s    | maxpause | expected a duration from 1ms to 3600s",
      "jobs=a.B#c,maxpause=2h    | maxpause | maxpause=2h",
      "jobs=a.B#c,maxpause=-1    | maxpause | maxpause=-1",
      "jobs=a.B#c,maxpause=4000s | maxpause | maxpause=4000s",
      "jobs=a.B#c,warmup=abc     | warmup | bad option warmup=abc: expected a whole number of jobs >= 0",
      "jobs=a.B#c,warmup=-1      | warmup | warmup=-1",
      "jobs=a.B#c,every=0        | every  | expected 'auto' or a whole number of jobs >= 1",
      "jobs=a.B#c,every=often    | every  | every=often",
      "jobs=a.B#c,overhead=0     | overhead | above 0 and at most 50",
      "jobs=a.B#c,overhead=80    | overhead | overhead=80",
      "jobs=a.B#c,overhead=x%    | overhead | overhead=x%",
      "jobs=a.B#c,report=pdf     | report | expected formats among json, txt, html",
      "jobs=a.B#c,report=        | report | report=",
      "jobs=a.B#c,quiet=yes      | quiet  | expected true or false",
      "jobs=a.B#c,jmx=yes        | jmx    | expected auto (the MBean once the JVM has an MBean server), true or false",
      "jobs=a.B#c,debug=on       | debug  | expected true or false, e.g. debug=true",
      "jobs=a.B#c,jmx=           | jmx    | jmx=",
      "jobs=a.B#c,out=           | out    | expected a directory",
      "jobs=a.B#c,color=red      | color  | unknown option 'color'; valid options are jobs, out, warmup",
      "jobs=a.B#c,warmup=1,warmup=2 | warmup | given twice",
      "warmup=3                  | jobs   | option 'jobs' is required",
      "jobs=                     | jobs   | no job boundary given",
      "jobs=com.acme.Worker      | jobs   | 'com.acme.Worker' is not TYPE#METHOD",
      "jobs=a.B#c:               | jobs   | '' is not TYPE#METHOD",
      "jobs=a.B#c#d              | jobs   | is not TYPE#METHOD",
      "jobs=a b.C#run            | jobs   | is not a class name",
      "jobs=a.B#ru-n             | jobs   | is not a method name",
      "jobs=a.B#c,trace=com.acme Order | trace | expected a type name as the report prints it",
      "jobs=a.B#c,trace=         | trace  | bad option trace=",
  })
  void badOptionsNameTheKeyAndTheValidForm(String options, String key, String message) {
    OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse(options));
    assertEquals(key, e.key());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void traceTakesATypeNameAsTheReportPrintsIt() throws OptionException {
    assertNull(AgentOptions.parse("jobs=a.B#c").trace());
    assertEquals("byte[]", AgentOptions.parse("jobs=a.B#c,trace=byte[]").trace());
    AgentOptions o = AgentOptions.parse("jobs=a.B#c,trace=com.acme.Outer$Inner");
    assertEquals("com.acme.Outer$Inner", o.trace());
    assertEquals("com.acme.Outer$Inner", o.asMap().get(AgentOptions.TRACE));
  }

  @Test
  void emptyOrNullOptionsSayWhatIsRequired() {
    for (String empty : new String[] {null, "", "  "}) {
      OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse(empty));
      assertTrue(e.getMessage().contains("jobs=TYPE#METHOD"), e.getMessage());
    }
  }

  @Test
  void somethingThatIsNotKeyValue() {
    OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse("verbose"));
    assertNull(e.key());
    assertTrue(e.getMessage().contains("'verbose' is not KEY=VALUE"), e.getMessage());
  }
}
