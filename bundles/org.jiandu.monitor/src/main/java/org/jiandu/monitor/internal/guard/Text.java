package org.jiandu.monitor.internal.guard;

import java.text.Normalizer;

/** Text comparison that ignores what people and host systems vary: width, case, spaces, punctuation. */
final class Text {
    private Text() {
    }

    /**
     * The letters and digits of {@code s} after NFKC (full-width → half-width), upper-cased: {@code "6222 0200-0000"}
     * and {@code "62220200０000"} compare equal, and {@code "不负责 腾退、交付"} contains {@code "不负责腾退交付"}.
     */
    static String squash(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).map(Character::toUpperCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    static boolean isBlank(String s) {
        return squash(s).isEmpty();
    }
}
