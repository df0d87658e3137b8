package org.jiandu.api.health;

/** The state of one component, with a stable code for storage and JSON. */
public enum HealthState {
    /** Working as configured. */
    UP("UP"),
    /**
     * Working, but not as configured or not completely: a value replaced by the law's default, a required part
     * missing, a follower lagging. Supervision goes on; someone should look.
     */
    DEGRADED("DEGRADED"),
    /** Not working: what it should supervise is not supervised. */
    DOWN("DOWN");

    private final String code;

    HealthState(String code) {
        this.code = code;
    }

    /** The stable code, as shown in JSON. */
    public String code() {
        return code;
    }

    /** The worse of the two states. */
    public HealthState worst(HealthState other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
