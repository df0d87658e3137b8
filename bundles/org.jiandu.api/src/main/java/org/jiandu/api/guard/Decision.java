package org.jiandu.api.guard;

/** A guard's answer. Combined over all guards, DENY beats WARN beats ALLOW. */
public enum Decision {
    ALLOW, WARN, DENY;

    public Decision combine(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
