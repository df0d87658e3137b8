package org.jiandu.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A party's identifier together with its kind (当事人的身份证件或者证照号码), each kind checked by its own rule, so that
 * a resident ID of {@code "123"} or a credit code with a wrong check character is refused where it enters. An
 * identifier of kind {@link Kind#OTHER} is kept unchecked: a real party is never refused for holding a document
 * Jiandu does not know.
 *
 * @param kind  what the identifier is
 * @param value the identifier as stored: trimmed, ASCII letters upper-case, an organisation code without its hyphen
 */
public record PartyIdentifier(Kind kind, String value) {
    /** The kinds of identifier, with the rule each is checked by. */
    public enum Kind {
        /** 居民身份证号码, 18 characters, GB 11643-1999 (address code, birth date, check character). */
        RESIDENT_ID,
        /** 第一代居民身份证号码, 15 digits: address code and a birth date yyMMdd of the 1900s. */
        RESIDENT_ID_15,
        /** 统一社会信用代码, 18 characters, GB 32100-2015 (its check character and the embedded organisation code's). */
        CREDIT_CODE,
        /** 组织机构代码, 9 characters (8 + check), GB 11714-1997; a hyphen before the check character is accepted. */
        ORGANISATION_CODE,
        /**
         * 个体工商户: its 统一社会信用代码 (GB 32100, registration-authority code 9 and kind 2: it starts with 92) or its
         * former 15-digit 注册号 (format only: 15 digits).
         */
        INDIVIDUAL_BUSINESS,
        /** 护照, 5 to 17 letters and digits (ICAO Doc 9303 allows up to 9 in the machine-readable zone; some more). */
        PASSPORT,
        /** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits (10 in the older form). */
        HK_MACAO_PERMIT,
        /** 台湾居民来往大陆通行证: 8 digits (10 in the older form). */
        TAIWAN_PERMIT,
        /**
         * 外国人永久居留身份证: the 2017 form (3 letters and 12 digits) or the 2023 form (18 characters, starting with 9,
         * with the GB 11643 check character).
         */
        FOREIGN_PERMANENT_RESIDENT,
        /** Any other document: kept as given (trimmed), never refused for its form. */
        OTHER
    }

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final Pattern DIGITS_15 = Pattern.compile("\\d{15}");
    private static final Pattern ORGANISATION = Pattern.compile("[0-9A-Z]{8}[0-9X]");

    public PartyIdentifier {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(value, "value");
    }

    /**
     * Reads an identifier of the kind named {@code kind}.
     *
     * @param kind      the kind's name ({@link Kind}), any case
     * @param value     the identifier; surrounding whitespace is ignored, lower-case ASCII letters are accepted
     * @param kindField the field reported when the kind is missing or unknown
     * @param field     the field reported when the value is missing or fails its kind's rule
     * @throws ValidationException {@code MISSING_FIELD}, {@code UNKNOWN_IDENTIFIER_KIND} or
     *                             {@code INVALID_PARTY_ID} (the message says which rule failed)
     */
    public static PartyIdentifier parse(String kind, String value, String kindField, String field) {
        if (kind == null || kind.isBlank()) {
            throw new ValidationException("MISSING_FIELD", kindField, "Name the identifier's kind, one of "
                    + java.util.Arrays.toString(Kind.values()) + " (OTHER for any other document)");
        }
        Kind k;
        try {
            k = Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("UNKNOWN_IDENTIFIER_KIND", kindField, "Unknown identifier kind " + kind
                    + "; use one of " + java.util.Arrays.toString(Kind.values()) + " (OTHER for any other document)");
        }
        if (value == null || value.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, "The identifier is required");
        }
        String s = normalise(k, value);
        String defect = defect(k, s);
        if (defect != null) {
            throw new ValidationException("INVALID_PARTY_ID", field, "Not a valid " + k + ": " + defect
                    + " (use kind OTHER for a document Jiandu does not check)");
        }
        return new PartyIdentifier(k, s);
    }

    /** The identifier for display, masked as {@link Masking#maskId} masks any identifier. */
    public String masked() {
        return Masking.maskId(value);
    }

    private static String normalise(Kind k, String text) {
        if (k == Kind.OTHER) {
            return text.strip();
        }
        String s = ResidentId.normalise(text);
        if (k == Kind.ORGANISATION_CODE && s.length() == 10 && s.charAt(8) == '-') {
            s = s.substring(0, 8) + s.charAt(9);
        }
        return s;
    }

    /** Why the normalised {@code s} is not an identifier of kind {@code k}, or {@code null} when it is. */
    static String defect(Kind k, String s) {
        return switch (k) {
            case RESIDENT_ID -> ResidentId.defect(s);
            case RESIDENT_ID_15 -> residentId15Defect(s);
            case CREDIT_CODE -> CreditCode.defect(s);
            case ORGANISATION_CODE -> !ORGANISATION.matcher(s).matches()
                    ? "it must be 8 digits or upper-case letters and a check digit or X (GB 11714)"
                    : s.charAt(8) != CreditCode.organisationCheckCharacter(s)
                            ? "the check character is " + s.charAt(8) + " but "
                                    + CreditCode.organisationCheckCharacter(s) + " was expected"
                            : null;
            case INDIVIDUAL_BUSINESS -> DIGITS_15.matcher(s).matches() ? null
                    : !s.startsWith("92") ? "it must be a 统一社会信用代码 starting with 92 or a 15-digit 注册号"
                    : CreditCode.defect(s);
            case PASSPORT -> PASSPORT.matcher(s).matches() ? null : "it must be 5 to 17 letters and digits";
            case HK_MACAO_PERMIT -> HK_MACAO.matcher(s).matches() ? null : "it must be H or M and 8 (or 10) digits";
            case TAIWAN_PERMIT -> TAIWAN.matcher(s).matches() ? null : "it must be 8 (or 10) digits";
            case FOREIGN_PERMANENT_RESIDENT -> FOREIGN_2017.matcher(s).matches() ? null : foreign2023Defect(s);
            case OTHER -> null;
        };
    }

    private static String residentId15Defect(String s) {
        if (!DIGITS_15.matcher(s).matches()) {
            return "it must be 15 digits";
        }
        if (s.charAt(0) < '1' || s.charAt(0) > '8') {
            return "the first digit must be 1–8 (the province part of the address code)";
        }
        try {
            LocalDate.of(1900 + Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
                    Integer.parseInt(s.substring(10, 12)));
            return null;
        } catch (DateTimeException e) {
            return "digits 7–12 are not a real birth date yyMMdd";
        }
    }

    private static String foreign2023Defect(String s) {
        if (s.length() != 18 || s.charAt(0) != '9') {
            return "it must be 3 letters and 12 digits (2017 form) or 18 characters starting with 9 (2023 form)";
        }
        for (int i = 0; i < 17; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return "character " + (i + 1) + " is not a digit 0–9";
            }
        }
        char expected = ResidentId.checkCharacter(s);
        return s.charAt(17) == expected ? null
                : "the check character is " + s.charAt(17) + " but " + expected + " was expected";
    }
}
