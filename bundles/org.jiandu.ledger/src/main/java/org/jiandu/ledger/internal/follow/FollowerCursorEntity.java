package org.jiandu.ledger.internal.follow;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The durable cursor and lease of one shared ledger consumer: up to which recording time every entry was accepted,
 * and which node delivers to it until when.
 */
@Entity
@Table(name = "JD_FOLLOWER_CURSOR")
public class FollowerCursorEntity {
    @Id
    @Column(name = "CONSUMER_ID", length = 100, nullable = false)
    private String consumerId;
    @Column(name = "POSITION_MILLIS", nullable = false)
    private long position;
    @Column(name = "LEASE_OWNER", length = 200)
    private String leaseOwner;
    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public FollowerCursorEntity() {
    }

    FollowerCursorEntity(String consumerId, long position, String leaseOwner, long leaseUntil, long updatedAt) {
        this.consumerId = consumerId;
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

    void moveTo(long newPosition, long now) {
        this.position = Math.max(position, newPosition);
        this.updatedAt = now;
    }
}
