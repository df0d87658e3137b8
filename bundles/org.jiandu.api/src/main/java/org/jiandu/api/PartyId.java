package org.jiandu.api;

/**
 * The identifier of a party to an enforcement case (当事人): a natural person's {@link ResidentId} (居民身份证号码,
 * GB 11643-1999) or an organisation's {@link CreditCode} (统一社会信用代码, GB 32100-2015).
 */
@org.osgi.annotation.versioning.ProviderType
public sealed interface PartyId permits ResidentId, CreditCode {

    /** What kind of party the identifier names. */
    enum Kind {
        /** 自然人, identified by a {@link ResidentId}. */
        NATURAL_PERSON,
        /** 法人和其他组织, identified by a {@link CreditCode}. */
        ORGANISATION
    }

    Kind kind();

    /** The identifier in its stored form: trimmed, upper-case. */
    String value();

    /** The identifier for display; see {@link Masking#maskId(String)}. */
    String masked();

    /**
     * Parses a party identifier of either kind. An 18-character value of 17 digits and a final digit or X is read
     * as a {@link ResidentId} first; anything else, or such a value that fails the resident ID checks, as a
     * {@link CreditCode}. The fallback matters because a 统一社会信用代码 may itself be all digits. A value that
     * passes both checks (possible, though rare) is taken as a resident ID; a caller that knows the kind of party
     * should call {@link ResidentId#parse} or {@link CreditCode#parse} directly.
     *
     * @param text  the identifier; surrounding whitespace is ignored, lower-case letters are accepted
     * @param field the field reported when the identifier is refused
     * @throws ValidationException {@code MISSING_FIELD} when {@code text} is null or blank; {@code INVALID_PARTY_ID}
     *                             when it is neither kind, with the reason each parser gave
     */
    static PartyId parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field,
                    "A party identifier is required: an 18-character 居民身份证号码 or 统一社会信用代码");
        }
        String s = ResidentId.normalise(text);
        String personDefect = ResidentId.defect(s);
        if (personDefect == null) {
            return new ResidentId(s);
        }
        String organisationDefect = CreditCode.defect(s);
        if (organisationDefect == null) {
            return new CreditCode(s);
        }
        throw new ValidationException("INVALID_PARTY_ID", field,
                "The party identifier is neither a valid 居民身份证号码 (" + personDefect
                        + ") nor a valid 统一社会信用代码 (" + organisationDefect + ")");
    }
}
