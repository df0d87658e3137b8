package org.jiandu.ledger.internal;

/** The small parameter checks the read resources share beyond {@link org.jiandu.api.rest.ReadParams}. */
final class Scopes {
    private Scopes() {
    }

    static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
