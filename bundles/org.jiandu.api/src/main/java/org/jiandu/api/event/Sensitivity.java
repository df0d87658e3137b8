package org.jiandu.api.event;

/**
 * What kind of personal data a payload field (or a guard's detail) holds, declared where the field is declared
 * ({@link PayloadField#sensitivity()}), so that every view masks it by one rule (《个人信息保护法》 Arts. 28, 51:
 * the identifiers of natural persons and financial accounts are sensitive personal information; Art. 12 of
 * 法〔2021〕322号: supervision shows what happened, not more of the parties than it needs). The masking itself is
 * {@link org.jiandu.api.mask.MaskingPolicy}'s; what is stored and hashed is always the full value.
 *
 * <p>A field of a string kind holds one value; of {@link FieldKind#STRING_LIST} every item is masked the same way;
 * {@link #PARTY_IDENTIFIER} goes with {@link FieldKind#PARTY_IDENTIFIER_LIST}. Free text is never parsed for
 * numbers: a field that may hold them must declare so.
 *
 * <p>Each constant has a stable {@link #code()}, the name used in the configuration keys of
 * {@link org.jiandu.api.mask.MaskingPolicy#PID}.
 *
 * @since event package 2.2.0
 */
public enum Sensitivity {
    /** Not personal data of this kind: shown as stored. */
    NONE("none"),
    /**
     * The identifier of a natural person: 居民身份证号码, passport, 港澳/台湾居民通行证, 外国人永久居留身份证, or an
     * identifier whose kind is unknown (it may be a person's).
     */
    PERSONAL_ID("personalId"),
    /** A bank or payment account number (银行账号, 收款账户). */
    BANK_ACCOUNT("bankAccount"),
    /** A telephone number. */
    PHONE("phone"),
    /**
     * {@code {kind, value}} party identifiers ({@link org.jiandu.api.PartyIdentifier}): the value is masked as
     * {@link #PERSONAL_ID} when its kind is a natural person's (or {@code OTHER}); the codes of units (统一社会信用代码,
     * 组织机构代码, 个体工商户's code) are not personal and stay visible.
     */
    PARTY_IDENTIFIER("partyIdentifier");

    private final String code;

    Sensitivity(String code) {
        this.code = code;
    }

    /** The stable name used in configuration keys ({@code personalId.keep}) and in JSON. */
    public String code() {
        return code;
    }
}
