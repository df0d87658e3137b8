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

/**
 * One recorded change of a Jiandu configuration ({@code JD_CONFIG_CHANGE}): when, which PID, how it was made
 * ({@link ConfigChangeLog.Source}), who as far as it can be known, and every changed key with its old and new value
 * (JSON). Never updated or deleted.
 */
@Entity
@Table(name = "JD_CONFIG_CHANGE", indexes = {@Index(name = "JD_CONFIG_CHANGE_AT", columnList = "AT_MILLIS"),
    @Index(name = "JD_CONFIG_CHANGE_PID", columnList = "PID")})
public class ConfigChangeEntry {
    /** The longest JSON of changed keys stored; longer values are cut by {@link ConfigChangeLog} before. */
    static final int CHANGES_LENGTH = 32000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "configChange")
    @TableGenerator(name = "configChange", table = "JD_CONFIG_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "CONFIG_CHANGE", allocationSize = 50)
    private Long id;
    @Column(name = "AT_MILLIS", nullable = false)
    private long atMillis;
    @Column(name = "PID", length = 255, nullable = false)
    private String pid;
    @Column(name = "FACTORY_PID", length = 255)
    private String factoryPid;
    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;
    @Column(name = "SOURCE", length = 16, nullable = false)
    private String source;
    @Column(name = "USER_NAME", length = 128)
    private String user;
    @Column(name = "ORGANISATION", length = 64)
    private String organisation;
    @Column(name = "ACTOR", length = 1024, nullable = false)
    private String actor;
    @Column(name = "FILE_NAME", length = 1024)
    private String file;
    @Column(name = "CHANGES", length = CHANGES_LENGTH, nullable = false)
    private String changes;

    public ConfigChangeEntry() {
    }

    ConfigChangeEntry(long atMillis, String pid, String factoryPid, String kind, String source, String user,
            String organisation, String actor, String file, String changes) {
        this.atMillis = atMillis;
        this.pid = cut(pid, 255);
        this.factoryPid = cut(factoryPid, 255);
        this.kind = kind;
        this.source = source;
        this.user = cut(user, 128);
        this.organisation = cut(organisation, 64);
        this.actor = cut(actor, 1024);
        this.file = cut(file, 1024);
        this.changes = changes;
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

    public String getPid() {
        return pid;
    }

    public String getFactoryPid() {
        return factoryPid;
    }

    public String getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public String getUser() {
        return user;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getActor() {
        return actor;
    }

    public String getFile() {
        return file;
    }

    public String getChanges() {
        return changes;
    }
}
