package dev.leakhunter.common;

import java.lang.reflect.AccessibleObject;
import java.util.function.Predicate;

/**
 * Makes a field or method accessible. {@link PrivateModules} defines this class a second time in a
 * loader of its own and opens the JDK's packages to that loader's module only, so the caller that
 * {@code setAccessible} checks is that copy, and the host's classes (in the class path's module,
 * which the agent shares) gain nothing. So it may use nothing but the JDK.
 */
public final class PrivateOpener implements Predicate<AccessibleObject> {

  @Override
  public boolean test(AccessibleObject member) {
    try {
      return member.trySetAccessible();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
