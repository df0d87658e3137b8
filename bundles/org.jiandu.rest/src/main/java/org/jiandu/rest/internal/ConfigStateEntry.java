package org.jiandu.rest.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The last properties {@link ConfigChangeLog} recorded for one Jiandu configuration ({@code JD_CONFIG_STATE}, JSON
 * key → value): what a change is compared with, also across a restart, so that a file edited while the node was down
 * is recorded at the next start.
 */
@Entity
@Table(name = "JD_CONFIG_STATE")
public class ConfigStateEntry {
    @Id
    @Column(name = "PID", length = 255, nullable = false)
    private String pid;
    @Column(name = "AT_MILLIS", nullable = false)
    private long atMillis;
    @Column(name = "PROPS", length = ConfigChangeEntry.CHANGES_LENGTH, nullable = false)
    private String properties;

    public ConfigStateEntry() {
    }

    ConfigStateEntry(String pid, long atMillis, String properties) {
        this.pid = pid;
        this.atMillis = atMillis;
        this.properties = properties;
    }

    public String getPid() {
        return pid;
    }

    public long getAtMillis() {
        return atMillis;
    }

    public String getProperties() {
        return properties;
    }

    void set(long at, String props) {
        this.atMillis = at;
        this.properties = props;
    }
}
