package org.jiandu.monitor.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The catch-up cursor: every ledger entry recorded before {@code POSITION} (epoch millis of the recording time) has
 * been evaluated. Shared by all nodes on the database; it only moves forward.
 */
@Entity
@Table(name = "JD_MON_CURSOR")
public class CursorEntity {
    @Id
    @Column(name = "NAME", length = 32, nullable = false)
    private String name;
    @Column(name = "POSITION", nullable = false)
    private long position;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public CursorEntity() {
    }

    CursorEntity(String name, long position, long at) {
        this.name = name;
        this.position = position;
        this.updatedAt = at;
    }

    public String getName() {
        return name;
    }

    public long getPosition() {
        return position;
    }

    void moveTo(long position, long at) {
        if (position > this.position) {
            this.position = position;
        }
        this.updatedAt = at;
    }
}
