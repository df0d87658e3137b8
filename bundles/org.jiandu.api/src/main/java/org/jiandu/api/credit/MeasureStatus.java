package org.jiandu.api.credit;

/**
 * Where a measure stands on a given day, computed from the case's ledger entries and the calendar (so a grace period
 * ends, a temporary lift runs out and a listing expires without anyone writing an event).
 */
public enum MeasureStatus {
    /** Applied for or proposed; no decision yet. */
    PROPOSED,
    /** The application refused. */
    REFUSED,
    /** Decided (决定书 / 限消令 made) and in effect, but not yet served. */
    DECIDED,
    /** Decided, in its grace period: nothing published or pushed, no listing period running (Art. 23). */
    IN_GRACE,
    /** In force: restricted, or listed (whether published or not: see {@link CreditMeasure#published()}). */
    ACTIVE,
    /** In force but temporarily lifted for urgent travel until {@link CreditMeasure#temporaryLift()} ends. */
    TEMPORARILY_LIFTED,
    /** A listing whose period ran out: it must be deleted within 3 working days (公布失信规定 Art. 10 ¶2). */
    EXPIRED,
    /** A restriction lifted (解除). */
    LIFTED,
    /** A listing deleted (删除: shielded from publication; the record stays, PIPL Art. 47 ¶2). */
    DELETED,
    /** Performed in full during the grace period: the measure is not taken (法发〔2019〕35号 Art. 15). */
    WITHDRAWN,
    /** Revoked as wrong (撤销, 公布失信规定 Art. 9). */
    REVOKED;

    /** Whether the measure binds the person on that day (restricts, lists, or is merely temporarily eased). */
    public boolean inForce() {
        return this == DECIDED || this == ACTIVE || this == TEMPORARILY_LIFTED || this == EXPIRED;
    }

    /** Whether the measure is over for good. */
    public boolean ended() {
        return this == REFUSED || this == LIFTED || this == DELETED || this == WITHDRAWN || this == REVOKED;
    }
}
