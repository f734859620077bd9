package dev.leakhunter.retention;

import java.lang.reflect.AccessibleObject;
import java.util.function.Predicate;

/**
 * Makes a field or method accessible. {@link DeepAccess} defines this class a second time in a
 * loader of its own and opens the JDK's packages to that loader's module only: the walker may read
 * {@code ArrayList.elementData}, and the host's classes (in the class path's module, which the
 * agent shares) gain nothing. So it may use nothing but the JDK.
 */
public final class DeepOpener implements Predicate<AccessibleObject> {

  @Override
  public boolean test(AccessibleObject member) {
    try {
      return member.trySetAccessible();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
