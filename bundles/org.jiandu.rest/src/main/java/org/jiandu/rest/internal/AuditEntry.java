package org.jiandu.rest.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One row of the request audit (who, organisation, time, method, path, status). Never updated or deleted. */
@Entity
@Table(name = "JD_AUDIT", indexes = {@Index(name = "JD_AUDIT_AT", columnList = "AT_MILLIS"),
    @Index(name = "JD_AUDIT_USER", columnList = "USER_NAME")})
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit")
    @TableGenerator(name = "audit", table = "JD_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "AUDIT", allocationSize = 500)
    private Long id;
    @Column(name = "AT_MILLIS", nullable = false)
    private long atMillis;
    @Column(name = "USER_NAME", length = 128)
    private String user;
    @Column(name = "ORGANISATION", length = 64)
    private String organisation;
    @Column(name = "METHOD", length = 16, nullable = false)
    private String method;
    @Column(name = "PATH", length = 1024, nullable = false)
    private String path;
    @Column(name = "QUERY", length = 1024)
    private String query;
    @Column(name = "STATUS", nullable = false)
    private int status;
    @Column(name = "DURATION_MS", nullable = false)
    private long durationMillis;
    @Column(name = "REMOTE", length = 64)
    private String remote;
    /** JSON of what a record says beyond the request (a reveal: case, what was shown, why); null for plain requests. */
    @Column(name = "DETAIL", length = DETAIL_MAX)
    private String detail;

    /** Characters of the {@code DETAIL} column (change set 2 of db/changelog.yaml). */
    static final int DETAIL_MAX = 8000;

    public AuditEntry() {
    }

    AuditEntry(AuditRecord r) {
        this.atMillis = r.atMillis();
        this.user = cut(r.user(), 128);
        this.organisation = cut(r.organisation(), 64);
        this.method = cut(r.method(), 16);
        this.path = cut(r.path(), 1024);
        this.query = cut(r.query(), 1024);
        this.status = r.status();
        this.durationMillis = r.durationMillis();
        this.remote = cut(r.remoteAddress(), 64);
        this.detail = r.detail();
        if (detail != null && detail.length() > DETAIL_MAX) {
            throw new IllegalArgumentException("an audit detail holds at most " + DETAIL_MAX + " characters");
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return Instant.ofEpochMilli(atMillis);
    }

    public String getUser() {
        return user;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    public String getQuery() {
        return query;
    }

    public int getStatus() {
        return status;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getRemote() {
        return remote;
    }

    public String getDetail() {
        return detail;
    }
}
