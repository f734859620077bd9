package dev.leakhunter.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/** {@link LeakTest}: run by JUnit itself for the passing case, driven directly for the failing one. */
class LeakTestExtensionTest {

  /** Run by JUnit: the body is one job, the test instance is shared, {@code @AfterEach} runs once. */
  @Nested
  class UnderJUnit {
    private int jobs;
    private String displayName;
    private final List<byte[]> scratch = new ArrayList<>();

    @LeakTest(jobs = 100, warmup = 10, samples = 10)
    void aBodyThatKeepsNothingPasses(TestInfo info) {
      jobs++;
      displayName = info.getDisplayName();
      scratch.add(new byte[256]);
      scratch.clear();
    }

    @AfterEach
    void theBodyRanOncePerJobOnThisInstance() {
      assertEquals(110, jobs);
      assertEquals("aBodyThatKeepsNothingPasses(TestInfo)", displayName, "parameters resolved by JUnit");
    }
  }

  @Test
  void aLeakingBodyFailsWithTheReportAndTheVerdictIsPublished() throws Exception {
    ExtensionFixtures.Bodies bodies = new ExtensionFixtures.Bodies();
    Method method = ExtensionFixtures.Bodies.class.getDeclaredMethod("keepsAKilobytePerJob");
    FakeInvocation invocation = new FakeInvocation();
    List<String> entries = new ArrayList<>();

    LeakAssertionError e = assertThrows(LeakAssertionError.class, () -> new LeakTestExtension()
        .interceptTestMethod(invocation, context(method, bodies), extensionContext(entries)));

    assertTrue(invocation.skipped && !invocation.proceeded, "JUnit's own invocation is skipped, not proceeded");
    assertEquals(450, bodies.kept.size(), "50 warm-up jobs, 200 measured, 200 more to confirm the leak");
    assertTrue(e.getMessage().startsWith("leakhunter: byte[] keeps growing"), e.getMessage());
    assertEquals(List.of("leakhunter=leak over 200 jobs"), entries);
  }

  @Test
  void aMethodWithoutTheAnnotationProceedsOnce() throws Throwable {
    ExtensionFixtures.Bodies bodies = new ExtensionFixtures.Bodies();
    Method method = ExtensionFixtures.Bodies.class.getDeclaredMethod("plainTest");
    FakeInvocation invocation = new FakeInvocation();
    new LeakTestExtension().interceptTestMethod(invocation, context(method, bodies), extensionContext(new ArrayList<>()));
    assertTrue(invocation.proceeded);
    assertFalse(invocation.skipped);
  }

  @Test
  void theAnnotationsDefaultsAreTheChecksDefaults() throws Exception {
    LeakTest defaults = ExtensionFixtures.Defaults.class.getDeclaredMethod("job").getAnnotation(LeakTest.class);
    LeakCheck check = LeakTestExtension.checkOf(defaults);
    assertEquals(LeakCheck.defaults().asMap(), check.asMap());
  }

  private static final class FakeInvocation implements InvocationInterceptor.Invocation<Void> {
    boolean proceeded;
    boolean skipped;

    @Override
    public Void proceed() {
      proceeded = true;
      return null;
    }

    @Override
    public void skip() {
      skipped = true;
    }
  }

  private static ReflectiveInvocationContext<Method> context(Method method, Object target) {
    return new ReflectiveInvocationContext<>() {
      @Override
      public Class<?> getTargetClass() {
        return target.getClass();
      }

      @Override
      public Method getExecutable() {
        return method;
      }

      @Override
      public List<Object> getArguments() {
        return List.of();
      }

      @Override
      public Optional<Object> getTarget() {
        return Optional.of(target);
      }
    };
  }

  /** Only publishReportEntry is used by the extension; anything else fails the test. */
  @SuppressWarnings("unchecked")
  private static ExtensionContext extensionContext(List<String> entries) {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, m, args) -> {
          if (m.getName().equals("publishReportEntry") && args.length == 2) {
            entries.add(args[0] + "=" + args[1]);
            return null;
          }
          if (m.getName().equals("publishReportEntry") && args.length == 1) {
            ((Map<String, String>) args[0]).forEach((k, v) -> entries.add(k + "=" + v));
            return null;
          }
          throw new UnsupportedOperationException(m.getName());
        });
  }
}
