package dev.leakhunter.demo.avatar;

import dev.leakhunter.demo.members.MemberDirectory;

/**
 * The member whose avatar is refreshed, as loaded for one refresh. Deliberately a plain class (not
 * a record): it is the type the async-save leak retains, and a leak hunter walks its fields.
 */
public final class Member {

    private final int id;
    private final String displayName;
    private final String email;

    Member(int id, String displayName, String email) {
        this.id = id;
        this.displayName = displayName;
        this.email = email;
    }

    /** Loads a member from the directory; an unknown id throws {@link IllegalArgumentException}. */
    public static Member load(int memberId) {
        return new Member(memberId, MemberDirectory.displayName(memberId), MemberDirectory.email(memberId));
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }
}
