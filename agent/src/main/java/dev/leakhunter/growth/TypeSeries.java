package dev.leakhunter.growth;

/**
 * One type's kept samples, slot for slot with {@link SampleStore}'s job counts. Both arrays are
 * allocated once, at full capacity, when the type is first seen: adding a sample writes into them
 * and never allocates, so the model's own footprint (which is in the census it analyzes) stays flat.
 */
final class TypeSeries {
  final String type;
  final long[] instances;
  final long[] bytes;

  TypeSeries(String type, int capacity) {
    this.type = type;
    this.instances = new long[capacity];
    this.bytes = new long[capacity];
  }

  void clear(int slot) {
    instances[slot] = 0;
    bytes[slot] = 0;
  }

  /** Adds rather than sets: should a census ever list a name twice, both rows count. */
  void add(int slot, long rowInstances, long rowBytes) {
    instances[slot] += rowInstances;
    bytes[slot] += rowBytes;
  }

  /** Keeps slots 0, 2, 4, ... of the first {@code size}, moved to the front. */
  void thin(int size) {
    for (int from = 0, to = 0; from < size; from += 2, to++) {
      instances[to] = instances[from];
      bytes[to] = bytes[from];
    }
  }

  boolean absentIn(int size) {
    for (int i = 0; i < size; i++) {
      if (instances[i] != 0 || bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The first slot where the type is present, or {@code size} if none: earlier slots are before it existed. */
  int firstPresent(int size) {
    int i = 0;
    while (i < size && instances[i] == 0) {
      i++;
    }
    return i;
  }
}
