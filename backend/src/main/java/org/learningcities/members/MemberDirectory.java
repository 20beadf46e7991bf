package org.learningcities.members;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The member directory as the read endpoints serve it, kept in memory (work in progress: the
 * snapshot arrives in the next commit). Writers that bypass Hibernate (native SQL) call
 * {@link #changed()} so this instance rereads before its next answer.
 */
@ApplicationScoped
public class MemberDirectory {

    /** Member data changed on this instance outside Hibernate's entity events: recheck before the next read. */
    public void changed() {
        // the snapshot lands in the next commit
    }
}
