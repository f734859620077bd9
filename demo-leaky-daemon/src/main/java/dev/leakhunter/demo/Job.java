package dev.leakhunter.demo;

/** One unit of work: its number, its kind and the member it is for. Dropped once handled. */
public final class Job {

    private final long id;
    private final JobKind kind;
    private final int memberId;

    public Job(long id, JobKind kind, int memberId) {
        this.id = id;
        this.kind = kind;
        this.memberId = memberId;
    }

    public long id() {
        return id;
    }

    public JobKind kind() {
        return kind;
    }

    public int memberId() {
        return memberId;
    }

    @Override
    public String toString() {
        return "job " + id + " (" + kind.label() + ", member " + memberId + ")";
    }
}
