package org.jiandu.api;

/**
 * 统一社会信用代码 — the unified social credit code of a legal person or other organisation, per GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》: 18 characters from {@value #CHARSET} (I, O, S, V and Z are never used):
 * registration authority (1), organisation category (1), registering authority's division code (6), the 主体标识码
 * = organisation code (9), and a check character (weights {@code 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28},
 * check {@code CHARSET[(31 − Σ mod 31) mod 31]}).
 *
 * <p>The embedded organisation code (characters 9–17) is checked too, per GB 11714-1997 《全国组织机构代码编制规则》:
 * body characters valued 0–9 and A=10 … Z=35, weights {@code 3 7 9 10 5 8 4 2}, check {@code 11 − (Σ mod 11)}
 * written as a digit, with 10 → {@code X} and 11 → {@code 0}. Lower-case input is accepted and stored upper-case.
 *
 * <p>Caution for operators: some codes issued before the standard was applied uniformly are reported to fail these
 * checks (e.g. certain Xiamen codes registered before 2016); such a party cannot be entered until a way to override
 * the check exists.
 *
 * <p>The code is public registration data (printed on the business licence, published by the 国家企业信用信息公示系统),
 * so {@link #toString()} is the full value; {@link #masked()} is there for uniform display with {@link ResidentId}.
 */
public final class CreditCode implements PartyId {
    /** The GB 32100 character set; a character's index is its value. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    /** {@code value} has passed {@link #defect(String)}. */
    CreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses and validates a unified social credit code.
     *
     * @param text  the code; surrounding whitespace is ignored, lower-case letters are accepted
     * @param field the field reported when the code is refused
     * @throws ValidationException {@code MISSING_FIELD} when {@code text} is null or blank, {@code INVALID_CREDIT_CODE}
     *                             naming the check that failed otherwise (length, characters, GB 32100 check character,
     *                             GB 11714 organisation code check character)
     */
    public static CreditCode parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, "A 统一社会信用代码 (unified social credit code) is required");
        }
        String s = ResidentId.normalise(text);
        String defect = defect(s);
        if (defect != null) {
            throw new ValidationException("INVALID_CREDIT_CODE", field,
                    "The 统一社会信用代码 (unified social credit code) is invalid: " + defect);
        }
        return new CreditCode(s);
    }

    /** Why the normalised {@code s} is not a valid credit code, or {@code null} when it is. */
    static String defect(String s) {
        int length = s.codePointCount(0, s.length());
        if (length != LENGTH) {
            return "it has " + length + " characters, not 18";
        }
        for (int i = 0; i < LENGTH; i++) {
            if (CHARSET.indexOf(s.charAt(i)) < 0) {
                return "character " + (i + 1) + " (" + s.charAt(i) + ") is not allowed; only digits and the upper-case"
                        + " letters other than I, O, S, V and Z are used";
            }
        }
        char expected = checkCharacter(s);
        if (s.charAt(LENGTH - 1) != expected) {
            return "the GB 32100 check character (18th) is " + s.charAt(LENGTH - 1) + " but " + expected
                    + " was expected";
        }
        String organisationCode = s.substring(8, 17);
        char expectedOrganisation = organisationCheckCharacter(organisationCode);
        if (organisationCode.charAt(8) != expectedOrganisation) {
            return "the embedded organisation code " + organisationCode + " (characters 9–17) fails the GB 11714"
                    + " check: its last character is " + organisationCode.charAt(8) + " but " + expectedOrganisation
                    + " was expected";
        }
        return null;
    }

    /** The GB 32100 check character of the first 17 characters of {@code s}, all from {@link #CHARSET}. */
    static char checkCharacter(String s) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += CHARSET.indexOf(s.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The GB 11714 check character of the first 8 characters (digits or upper-case letters) of {@code code}. */
    static char organisationCheckCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
            char c = code.charAt(i);
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    @Override
    public Kind kind() {
        return Kind.ORGANISATION;
    }

    /** The 18-character code, upper-case. */
    @Override
    public String value() {
        return value;
    }

    /** 组织机构代码: characters 9–17 (9 characters, without the customary hyphen before the check character). */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    /** E.g. {@code 9135**********0Y43}; see {@link Masking#maskId(String)}. */
    @Override
    public String masked() {
        return Masking.maskId(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The full code: it is public registration data. */
    @Override
    public String toString() {
        return value;
    }
}
