package org.jiandu.api;

import java.util.Comparator;
import java.util.List;

/**
 * 案号 — the number of an enforcement case, such as {@code （2024）京0105执1234号}.
 *
 * <p>Layout per 最高人民法院《关于人民法院案件案号的若干规定》(法〔2015〕137号) Arts. 2–3: "（" + 收案年度 (year the case
 * was received) + "）" + 法院代字 (court code) + 类型代字 (type code) + 案件编号 (serial) + "号"; the serial is a natural
 * number counted from 1 within each court, type and year (Art. 10). Court codes follow the 《各级法院代字表》:
 * {@code 最高法}; a province abbreviation for a high court ({@code 内}, {@code 军}, {@code 兵} for Inner Mongolia,
 * the military courts and the Xinjiang Production and Construction Corps); that abbreviation plus 2 digits for an
 * intermediate court and plus 4 digits for a basic court. {@code 知} before the type code marks an intellectual
 * property case. Accepted type codes are the enforcement ones of the 《人民法院案件类型及其代字标准》, see
 * {@link #TYPE_CODES}.
 *
 * <p>Accepted input is exactly what the 案号 format of 法〔2015〕137号 allows, as the regex
 * ({@code ^[（(]\d{4}[）)](最高法|[京津冀…军兵](\d{2}|\d{4})?)(知)?(执恢|执保|执异|执复|执监|执协|执他|执)\d+号$}), after
 * stripping surrounding whitespace, plus two range checks: the year lies in {@value #MIN_YEAR}–{@value #MAX_YEAR} and
 * the serial in 1–{@value #MAX_SERIAL}. Brackets may be full-width or half-width, even mixed; digits must be ASCII.
 * Leading zeros of the serial are accepted and dropped, so {@code 执0012号} and {@code 执12号} are the same case. A
 * document suffix such as {@code 之一} (法〔2016〕37号) names a document, not a case, and is refused.
 *
 * <p>Instances are immutable; equality, hash code and ordering are those of the {@link #canonical()} form, which
 * always uses full-width brackets. Ordering is by year, court code, 知, type code, then serial numerically (so
 * {@code 执9号} sorts before {@code 执10号}), which is consistent with {@code equals}.
 */
public final class CaseNumber implements Comparable<CaseNumber> {
    /** The field reported by {@link #parse(String)}. */
    public static final String DEFAULT_FIELD = "caseNumber";
    /** A valid example, quoted in every error message. */
    public static final String EXAMPLE = "（2024）京0105执1234号";
    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2099;
    public static final long MAX_SERIAL = 99_999_999L;
    /** Court code of the Supreme People's Court. */
    public static final String SUPREME_COURT = "最高法";
    /**
     * Enforcement type codes (类型代字): 执 首次执行, 执恢 恢复执行, 执保 财产保全执行, 执异 执行异议, 执复 执行复议,
     * 执监 执行监督, 执协 执行协调, 执他 其他执行.
     */
    public static final List<String> TYPE_CODES = List.of("执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他");
    /** The one-character court codes of the high courts and of the 军 / 兵 systems. */
    public static final String PROVINCE_ABBREVIATIONS = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵";

    private static final int MAX_ECHO = 40;
    private static final Comparator<CaseNumber> ORDER = Comparator.comparingInt(CaseNumber::year)
            .thenComparing(CaseNumber::courtCode)
            .thenComparing(CaseNumber::intellectualProperty)
            .thenComparing(CaseNumber::typeCode)
            .thenComparingLong(CaseNumber::serial);

    private final int year;
    private final String courtCode;
    private final String province;
    private final CourtLevel courtLevel;
    private final boolean intellectualProperty;
    private final String typeCode;
    private final long serial;
    private final String canonical;

    private CaseNumber(int year, String courtCode, String province, CourtLevel courtLevel,
            boolean intellectualProperty, String typeCode, long serial) {
        this.year = year;
        this.courtCode = courtCode;
        this.province = province;
        this.courtLevel = courtLevel;
        this.intellectualProperty = intellectualProperty;
        this.typeCode = typeCode;
        this.serial = serial;
        this.canonical = "（" + year + "）" + courtCode + (intellectualProperty ? "知" : "") + typeCode + serial + "号";
    }

    /** Parses a case number, reporting field {@value #DEFAULT_FIELD} on rejection; see {@link #parse(String, String)}. */
    public static CaseNumber parse(String text) {
        return parse(text, DEFAULT_FIELD);
    }

    /**
     * Parses a case number.
     *
     * @param text  the case number, e.g. {@code (2024)京0105执1234号}; surrounding whitespace is ignored
     * @param field the field reported when the case number is refused
     * @throws ValidationException {@code MISSING_FIELD} when {@code text} is null or blank, {@code INVALID_CASE_NUMBER}
     *                             naming the part at fault otherwise
     */
    public static CaseNumber parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, "A case number (案号) is required, e.g. " + EXAMPLE);
        }
        String s = text.strip();
        int len = s.length();
        if (hasNonAsciiDigit(s)) {
            throw invalid(text, field, "it must use the digits 0–9, not full-width digits");
        }

        char open = s.charAt(0);
        if (open != '（' && open != '(') {
            throw invalid(text, field, "it must begin with the year in brackets, such as （2024）");
        }
        int i = 1;
        while (i < len && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        if (i - 1 != 4) {
            throw invalid(text, field, "the year in brackets must be four digits 0–9");
        }
        if (i >= len || (s.charAt(i) != '）' && s.charAt(i) != ')')) {
            throw invalid(text, field, "the year must be followed by a closing bracket ） or )");
        }
        int year = Integer.parseInt(s.substring(1, i));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw invalid(text, field, "year " + year + " is outside " + MIN_YEAR + "–" + MAX_YEAR);
        }
        i++;

        int courtStart = i;
        String province;
        CourtLevel level;
        if (s.startsWith(SUPREME_COURT, i)) {
            province = SUPREME_COURT;
            level = CourtLevel.SUPREME;
            i += SUPREME_COURT.length();
            if (i < len && isAsciiDigit(s.charAt(i))) {
                throw invalid(text, field, "the court code 最高法 takes no digits");
            }
        } else if (i < len && PROVINCE_ABBREVIATIONS.indexOf(s.charAt(i)) >= 0) {
            province = String.valueOf(s.charAt(i));
            i++;
            int digitsStart = i;
            while (i < len && isAsciiDigit(s.charAt(i))) {
                i++;
            }
            int digits = i - digitsStart;
            if (digits != 0 && digits != 2 && digits != 4) {
                throw invalid(text, field, "court code " + echo(s.substring(courtStart, i)) + " has " + digits
                        + " digits; after the province abbreviation come 2 digits (intermediate court) or 4 (basic court)");
            }
            if ("军".equals(province) || "兵".equals(province)) {
                level = CourtLevel.SPECIAL;
            } else {
                level = digits == 0 ? CourtLevel.HIGH : digits == 2 ? CourtLevel.INTERMEDIATE : CourtLevel.BASIC;
            }
        } else {
            String found = i < len ? s.substring(i, s.offsetByCodePoints(i, 1)) : "nothing";
            throw invalid(text, field, "unknown court code starting with " + quote(found)
                    + "; expected 最高法 or a province abbreviation such as 京, 沪, 粤, 内, 军 or 兵");
        }
        String courtCode = s.substring(courtStart, i);

        boolean intellectualProperty = i < len && s.charAt(i) == '知';
        if (intellectualProperty) {
            i++;
        }

        int typeStart = i;
        while (i < len && !isAsciiDigit(s.charAt(i)) && s.charAt(i) != '号') {
            i++;
        }
        String typeCode = s.substring(typeStart, i);
        if (typeCode.isEmpty()) {
            throw invalid(text, field, "the enforcement type code is missing after court code " + courtCode
                    + "; expected one of " + String.join(" ", TYPE_CODES));
        }
        if (!TYPE_CODES.contains(typeCode)) {
            throw invalid(text, field, "unknown enforcement type code " + quote(echo(typeCode)) + "; expected one of "
                    + String.join(" ", TYPE_CODES));
        }

        int serialStart = i;
        while (i < len && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        String digits = s.substring(serialStart, i);
        if (digits.isEmpty()) {
            throw invalid(text, field, "the serial number is missing after type code " + typeCode);
        }
        if (i >= len) {
            throw invalid(text, field, "it must end with 号 after the serial number");
        }
        if (s.charAt(i) != '号') {
            throw invalid(text, field, "unexpected " + quote(s.substring(i, s.offsetByCodePoints(i, 1)))
                    + " after the serial number; a case number ends with 号");
        }
        if (i + 1 < len) {
            throw invalid(text, field, "unexpected " + quote(echo(s.substring(i + 1)))
                    + " after 号; suffixes such as 之一 name a document, not the case");
        }
        int firstSignificant = 0;
        while (firstSignificant < digits.length() && digits.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        // no regex here: case numbers are parsed for every ledger row read, so this is a hot path
        String significant = digits.substring(firstSignificant);
        if (significant.isEmpty()) {
            throw invalid(text, field, "the serial number must be at least 1");
        }
        if (significant.length() > String.valueOf(MAX_SERIAL).length()) {
            throw invalid(text, field, "the serial number " + echo(digits) + " exceeds " + MAX_SERIAL);
        }
        return new CaseNumber(year, courtCode, province, level, intellectualProperty, typeCode,
                Long.parseLong(significant));
    }

    /** Whether {@link #parse(String)} would accept {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /** 收案年度: the year the case was received. */
    public int year() {
        return year;
    }

    /** 法院代字, e.g. {@code 京0105}, {@code 京01}, {@code 京}, {@code 最高法}, {@code 兵0101}. */
    public String courtCode() {
        return courtCode;
    }

    /** The leading province abbreviation of the court code ({@code 京}, {@code 军}, {@code 兵} …), or {@code 最高法}. */
    public String province() {
        return province;
    }

    public CourtLevel courtLevel() {
        return courtLevel;
    }

    /** Whether the case is an intellectual property case (知 before the type code). */
    public boolean intellectualProperty() {
        return intellectualProperty;
    }

    /** 类型代字, one of {@link #TYPE_CODES}. */
    public String typeCode() {
        return typeCode;
    }

    /** 案件编号: the serial number, 1–{@value #MAX_SERIAL}. */
    public long serial() {
        return serial;
    }

    /** The case number with full-width brackets and no leading zeros in the serial, e.g. {@code （2024）京0105执1234号}. */
    public String canonical() {
        return canonical;
    }

    @Override
    public int compareTo(CaseNumber other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseNumber other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The {@link #canonical()} form. */
    @Override
    public String toString() {
        return canonical;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** Caps echoed input, so a huge or hostile value does not end up whole in an error body or log. */
    private static String echo(String s) {
        return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "…";
    }

    private static ValidationException invalid(String text, String field, String reason) {
        return new ValidationException("INVALID_CASE_NUMBER", field,
                "Case number (案号) " + quote(echo(text.strip())) + " is invalid: " + reason + ". Example: " + EXAMPLE);
    }

    private static boolean hasNonAsciiDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            int c = s.codePointAt(i);
            if (c > 127 && Character.isDigit(c)) {
                return true;
            }
            if (Character.isSupplementaryCodePoint(c)) {
                i++;
            }
        }
        return false;
    }
}
