package org.jiandu.api;

/**
 * Masks personal data for display (列表、公示、日志), in the spirit of 《个人信息保护法》 Art. 51 (de-identification
 * as a security measure) and the usual court practice of showing 110105**********2X style numbers. Masking is for
 * display only: it is not anonymisation, and the unmasked value must still be protected where it is stored.
 *
 * <p>Views do not use these helpers: every view masks through the one configurable policy,
 * {@link org.jiandu.api.mask.MaskingPolicy} (last 4 characters kept), with a reveal that is audited. These remain for
 * log lines and {@code toString()} of {@link ResidentId}, where no policy service is at hand.
 *
 * <p>Every helper is null-safe (null in, null out) and counts Unicode code points, so a name written with a rare
 * character outside the Basic Multilingual Plane (e.g. 𠮷) is masked as one character.
 */
public final class Masking {
    private static final char MASK = '*';

    private Masking() {
    }

    /**
     * Masks an identifier such as a 居民身份证号码 or 统一社会信用代码: keeps the first 4 and the last 4 characters
     * ({@code 11010519491231002X} → {@code 1101**********002X}); a value of 8 characters or fewer keeps only its
     * last 2.
     */
    public static String maskId(String id) {
        if (id == null) {
            return null;
        }
        int n = id.codePointCount(0, id.length());
        return n <= 8 ? keep(id, 0, 2) : keep(id, 4, 4);
    }

    /** Masks a personal name keeping its first character: {@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}. */
    public static String maskName(String name) {
        if (name == null) {
            return null;
        }
        return keep(name, 1, 0);
    }

    /**
     * Masks a telephone number keeping the first 3 and last 4 characters: {@code 13812345678} → {@code 138****5678}.
     * A number of 7 characters or fewer keeps only its last 2.
     */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        int n = phone.codePointCount(0, phone.length());
        return n <= 7 ? keep(phone, 0, 2) : keep(phone, 3, 4);
    }

    /** Keeps {@code head} leading and {@code tail} trailing code points and masks the rest (never a negative count). */
    private static String keep(String s, int head, int tail) {
        int[] cps = s.codePoints().toArray();
        int n = cps.length;
        int h = Math.min(head, n);
        int t = Math.min(tail, n - h);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < n; i++) {
            if (i < h || i >= n - t) {
                b.appendCodePoint(cps[i]);
            } else {
                b.append(MASK);
            }
        }
        return b.toString();
    }
}
