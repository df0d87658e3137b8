package org.jiandu.api;

/**
 * The level of a people's court, as a 案号's 法院代字 (court code) encodes it under 最高人民法院《关于人民法院案件案号的若干规定》
 * (法〔2015〕137号) and its 《各级法院代字表》.
 *
 * @see CaseNumber#courtLevel()
 */
public enum CourtLevel {
    /** 最高人民法院, court code {@code 最高法}. */
    SUPREME,
    /** 高级人民法院: the bare province abbreviation, e.g. {@code 京}, {@code 内}. */
    HIGH,
    /** 中级人民法院: abbreviation + 2 digits, e.g. {@code 京01}. */
    INTERMEDIATE,
    /** 基层人民法院: abbreviation + 4 digits, e.g. {@code 京0105}. */
    BASIC,
    /**
     * Courts outside the provincial hierarchy: the military courts (军事法院, {@code 军…}) and the courts of the Xinjiang
     * Production and Construction Corps (生产建设兵团分院, {@code 兵…}), whatever digits follow.
     */
    SPECIAL
}
