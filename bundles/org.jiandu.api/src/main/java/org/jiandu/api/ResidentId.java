package org.jiandu.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * 居民身份证号码 — a citizen's identity number per GB 11643-1999 《公民身份号码》: a 6-digit address code (GB/T 2260
 * administrative division), an 8-digit birth date {@code yyyyMMdd}, a 3-digit sequence code and a check character
 * computed by ISO 7064:1983 MOD 11-2 (weights {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2}, check
 * {@code "10X98765432"[Σ mod 11]}).
 *
 * <p>Only the 18-character form is accepted; 15-digit first-generation numbers are refused. The first digit must be
 * 1–8 (the province codes of GB/T 2260 start 1–8), the birth date must exist and lie in 1900 or later. A birth date
 * in the future is not refused here, since that would make validity depend on the clock. A final lower-case
 * {@code x} is accepted and stored upper-case.
 *
 * <p>The number is personal information: {@link #toString()} is the {@link #masked()} form so that it does not leak
 * into logs, and error messages never repeat it.
 */
public final class ResidentId implements PartyId {
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int MIN_BIRTH_YEAR = 1900;

    private final String value;
    private final LocalDate birthDate;

    /** {@code value} has passed {@link #defect(String)}. */
    ResidentId(String value) {
        this.value = value;
        this.birthDate = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /**
     * Parses and validates a resident identity number.
     *
     * @param text  the number; surrounding whitespace is ignored
     * @param field the field reported when the number is refused
     * @throws ValidationException {@code MISSING_FIELD} when {@code text} is null or blank, {@code INVALID_RESIDENT_ID}
     *                             naming the check that failed otherwise (length, characters, birth date, check digit)
     */
    public static ResidentId parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, "A 居民身份证号码 (resident ID number) is required");
        }
        String s = normalise(text);
        String defect = defect(s);
        if (defect != null) {
            throw new ValidationException("INVALID_RESIDENT_ID", field,
                    "The 居民身份证号码 (resident ID number) is invalid: " + defect);
        }
        return new ResidentId(s);
    }

    /** Strips surrounding whitespace and upper-cases ASCII letters only (never a letter that would expand). */
    static String normalise(String text) {
        String s = text.strip();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return b.toString();
    }

    /** Why the normalised {@code s} is not a valid resident ID number, or {@code null} when it is. */
    static String defect(String s) {
        int length = s.codePointCount(0, s.length());
        if (length != LENGTH) {
            return "it has " + length + " characters, not 18 (15-digit first-generation numbers are not accepted)";
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return "character " + (i + 1) + " is not a digit 0–9; only the last character may be X";
            }
        }
        char last = s.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            return "the last character must be a digit 0–9 or X";
        }
        if (s.charAt(0) < '1' || s.charAt(0) > '8') {
            return "the first digit must be 1–8 (the province part of the address code)";
        }
        String dateDefect = birthDateDefect(s.substring(6, 14));
        if (dateDefect != null) {
            return "characters 7–14 are not a real birth date yyyyMMdd: " + dateDefect;
        }
        char expected = checkCharacter(s);
        if (last != expected) {
            return "the check digit is " + last + " but " + expected + " was expected";
        }
        return null;
    }

    private static String birthDateDefect(String yyyyMMdd) {
        int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
        int month = Integer.parseInt(yyyyMMdd.substring(4, 6));
        int day = Integer.parseInt(yyyyMMdd.substring(6, 8));
        if (year < MIN_BIRTH_YEAR) {
            return "the year is before " + MIN_BIRTH_YEAR;
        }
        if (month < 1 || month > 12) {
            return "the month must be 01–12";
        }
        try {
            LocalDate.of(year, month, day);
            return null;
        } catch (DateTimeException e) {
            int days = YearMonth.of(year, month).lengthOfMonth();
            return "the day must be 01–" + days + " in that month" + (month == 2 && !Year.isLeap(year)
                    ? " (not a leap year)" : "");
        }
    }

    /** The GB 11643 check character of the first 17 digits of {@code s}. */
    static char checkCharacter(String s) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public Kind kind() {
        return Kind.NATURAL_PERSON;
    }

    /** The full 18-character number, check character upper-case. Personal information: display {@link #masked()}. */
    @Override
    public String value() {
        return value;
    }

    /** 出生日期, characters 7–14. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** 地址码: the first 6 digits, the GB/T 2260 division where the number was first issued. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** E.g. {@code 1101**********002X}; see {@link Masking#maskId(String)}. */
    @Override
    public String masked() {
        return Masking.maskId(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@link #masked()} form, so that the number does not leak into logs. */
    @Override
    public String toString() {
        return masked();
    }
}
