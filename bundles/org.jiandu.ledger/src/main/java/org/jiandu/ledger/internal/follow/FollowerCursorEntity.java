package org.jiandu.ledger.internal.follow;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The durable cursor and lease of one shared ledger consumer: the global index of the first entry it has not
 * accepted yet (every entry below it was), the recording time of the last entry accepted (for display; a cursor
 * stored before the global index existed has only that), and which node delivers to it until when.
 */
@Entity
@Table(name = "JD_FOLLOWER_CURSOR")
public class FollowerCursorEntity {
    @Id
    @Column(name = "CONSUMER_ID", length = 100, nullable = false)
    private String consumerId;
    @Column(name = "POSITION_MILLIS", nullable = false)
    private long position;
    /** Null only in a row stored before change set 5: then {@link #position} is a recording-time cursor. */
    @Column(name = "NEXT_INDEX")
    private Long nextIndex;
    @Column(name = "LEASE_OWNER", length = 200)
    private String leaseOwner;
    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public FollowerCursorEntity() {
    }

    FollowerCursorEntity(String consumerId, long nextIndex, long position, String leaseOwner, long leaseUntil,
            long updatedAt) {
        this.consumerId = consumerId;
        this.nextIndex = nextIndex;
        this.position = position;
        this.leaseOwner = leaseOwner;
        this.leaseUntil = leaseUntil;
        this.updatedAt = updatedAt;
    }

    public String getConsumerId() {
        return consumerId;
    }

    public long getPosition() {
        return position;
    }

    public Long getNextIndex() {
        return nextIndex;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public long getLeaseUntil() {
        return leaseUntil;
    }

    void lease(String owner, long until, long now) {
        this.leaseOwner = owner;
        this.leaseUntil = until;
        this.updatedAt = now;
    }

    void moveTo(long newIndex, long newPosition, long now) {
        if (nextIndex == null || newIndex > nextIndex) {
            nextIndex = newIndex;
            position = Math.max(position, newPosition);
        }
        this.updatedAt = now;
    }
}
