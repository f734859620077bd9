package dev.leakhunter.catalogue;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Leak 10: 4 workers, three job kinds; only the payment kind leaks a receipt. */
public final class ConcurrentKinds extends Fixture {
  static final Queue<Receipt> RECEIPTS = new ConcurrentLinkedQueue<>();

  static final class Receipt {
    final int job;
    final String reference;

    Receipt(int job, String reference) {
      this.job = job;
      this.reference = reference;
    }
  }

  @Override
  int workers() {
    return 4;
  }

  @Override
  public void job(int n) {
    switch (n % 3) {
      case 0:
        Work.sink += Work.transientWork(n, 40); // search
        break;
      case 1:
        RECEIPTS.add(new Receipt(n, "pay-" + n)); // payment: leaks
        Work.sink += Work.transientWork(n, 10);
        break;
      default:
        Work.sink += Work.churn(n, 64); // thumbnail
        break;
    }
  }
}
