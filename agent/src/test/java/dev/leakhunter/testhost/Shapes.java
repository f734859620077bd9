package dev.leakhunter.testhost;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Job methods of many bytecode shapes, for the weaver: every primitive return type, wide locals,
 * loops and branches (stack map frames), the method's own handlers, monitors, lambdas, static and
 * default methods, a job type reached through an abstract superclass loaded after its subclass.
 */
public final class Shapes {

  private Shapes() {
  }

  public interface Shape {
    default int shape() {
      return 7;
    }
  }

  /** Its job methods are inherited by {@link Concrete}, which is loaded first. */
  public abstract static class Base implements Shape {
    public long handleLong(long a, double b, int c) {
      long sum = a;
      for (int i = 0; i < c; i++) {
        sum += (long) b * i;
      }
      return sum;
    }
  }

  public static final class Concrete extends Base {
    public double handleDouble(double x, long y) {
      if (x > 0) {
        return x * y;
      }
      return -x;
    }

    public float handleFloat(float f) {
      return f / 2;
    }

    public boolean handleBoolean(Object o) {
      return o instanceof String && ((String) o).isEmpty();
    }

    public char handleChar(String s) {
      return s.charAt(0);
    }

    public void handleVoid(List<String> out) {
      out.add("done");
    }

    public Object handleObject(int kind) {
      switch (kind) {
        case 0:
          return "zero";
        case 1:
          return 1;
        case 2:
          return new int[] {2};
        default:
          return null;
      }
    }

    /** Catches its own exception: the weaving's catch-all must not take it. */
    public int handleCaught(String number) {
      try {
        return Integer.parseInt(number);
      } catch (NumberFormatException e) {
        return -1;
      } finally {
        number = null;
      }
    }

    /** Throws through a finally and a monitor. */
    public synchronized int handleThrowing(int n) {
      Object lock = new Object();
      synchronized (lock) {
        try {
          if (n > 0) {
            throw new IllegalArgumentException("n=" + n);
          }
          return n;
        } finally {
          lock.notifyAll();
        }
      }
    }

    public int handleLambda(int base) {
      int local = base * 3;
      IntSupplier s = () -> local + 1;
      return s.getAsInt();
    }

    /** Static: no receiver to keep. */
    public static int handleStatic(int a, long b, int c) {
      long wide = b;
      List<Integer> list = new ArrayList<>();
      for (int i = 0; i < c; i++) {
        list.add(a + i);
      }
      return (int) wide + list.size();
    }

    /** Over 255 locals: their loads and stores are wide, and so are the woven ones. */
    public long handleManyLocals(long seed) {
      long v0 = seed, v1 = v0 + 1, v2 = v1 + 1, v3 = v2 + 1, v4 = v3 + 1, v5 = v4 + 1, v6 = v5 + 1, v7 = v6 + 1;
      long w0 = v7 + 1, w1 = w0 + 1, w2 = w1 + 1, w3 = w2 + 1, w4 = w3 + 1, w5 = w4 + 1, w6 = w5 + 1, w7 = w6 + 1;
      long x0 = w7 + 1, x1 = x0 + 1, x2 = x1 + 1, x3 = x2 + 1, x4 = x3 + 1, x5 = x4 + 1, x6 = x5 + 1, x7 = x6 + 1;
      long y0 = x7 + 1, y1 = y0 + 1, y2 = y1 + 1, y3 = y2 + 1, y4 = y3 + 1, y5 = y4 + 1, y6 = y5 + 1, y7 = y6 + 1;
      long z0 = y7 + 1, z1 = z0 + 1, z2 = z1 + 1, z3 = z2 + 1, z4 = z3 + 1, z5 = z4 + 1, z6 = z5 + 1, z7 = z6 + 1;
      long a0 = z7 + 1, a1 = a0 + 1, a2 = a1 + 1, a3 = a2 + 1, a4 = a3 + 1, a5 = a4 + 1, a6 = a5 + 1, a7 = a6 + 1;
      long b0 = a7 + 1, b1 = b0 + 1, b2 = b1 + 1, b3 = b2 + 1, b4 = b3 + 1, b5 = b4 + 1, b6 = b5 + 1, b7 = b6 + 1;
      long c0 = b7 + 1, c1 = c0 + 1, c2 = c1 + 1, c3 = c2 + 1, c4 = c3 + 1, c5 = c4 + 1, c6 = c5 + 1, c7 = c6 + 1;
      long d0 = c7 + 1, d1 = d0 + 1, d2 = d1 + 1, d3 = d2 + 1, d4 = d3 + 1, d5 = d4 + 1, d6 = d5 + 1, d7 = d6 + 1;
      long e0 = d7 + 1, e1 = e0 + 1, e2 = e1 + 1, e3 = e2 + 1, e4 = e3 + 1, e5 = e4 + 1, e6 = e5 + 1, e7 = e6 + 1;
      long f0 = e7 + 1, f1 = f0 + 1, f2 = f1 + 1, f3 = f2 + 1, f4 = f3 + 1, f5 = f4 + 1, f6 = f5 + 1, f7 = f6 + 1;
      long g0 = f7 + 1, g1 = g0 + 1, g2 = g1 + 1, g3 = g2 + 1, g4 = g3 + 1, g5 = g4 + 1, g6 = g5 + 1, g7 = g6 + 1;
      long h0 = g7 + 1, h1 = h0 + 1, h2 = h1 + 1, h3 = h2 + 1, h4 = h3 + 1, h5 = h4 + 1, h6 = h5 + 1, h7 = h6 + 1;
      long i0 = h7 + 1, i1 = i0 + 1, i2 = i1 + 1, i3 = i2 + 1, i4 = i3 + 1, i5 = i4 + 1, i6 = i5 + 1, i7 = i6 + 1;
      long j0 = i7 + 1, j1 = j0 + 1, j2 = j1 + 1, j3 = j2 + 1, j4 = j3 + 1, j5 = j4 + 1, j6 = j5 + 1, j7 = j6 + 1;
      long k0 = j7 + 1, k1 = k0 + 1, k2 = k1 + 1, k3 = k2 + 1, k4 = k3 + 1, k5 = k4 + 1, k6 = k5 + 1, k7 = k6 + 1;
      if (seed < 0) {
        return v0;
      }
      return k7 + (seed > 1000 ? v1 + w1 + x1 + y1 + z1 + a1 + b1 + c1 + d1 + e1 + f1 + g1 + h1 + i1 + j1 + k1 : 0);
    }

    /** Not a job: its name matches no pattern. */
    public int notAJob(int n) {
      return n + 1;
    }
  }

  /** Woven and then reset within one test. */
  public static final class Resettable {
    public int work(int n) {
      return n + 2;
    }
  }

  /** A job type only through the JDK: AbstractList implements java.util.List. */
  public static final class Sized extends java.util.AbstractList<String> {
    @Override
    public String get(int index) {
      return "item" + index;
    }

    @Override
    public int size() {
      return 3;
    }
  }
}
