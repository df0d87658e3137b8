package org.jiandu.api.court;

/** What kind of people's court, with a stable code for storage and configuration. */
public enum CourtKind {
    /** The district tree: 基层, 中级, 高级 and the Supreme People's Court. */
    ORDINARY("ORDINARY"),
    /** 铁路运输法院. */
    RAILWAY("RAILWAY"),
    /** 海事法院. */
    MARITIME("MARITIME"),
    /** 知识产权法院. */
    INTELLECTUAL_PROPERTY("INTELLECTUAL_PROPERTY"),
    /** 金融法院. */
    FINANCIAL("FINANCIAL"),
    /** 互联网法院. */
    INTERNET("INTERNET"),
    /** 军事法院. */
    MILITARY("MILITARY"),
    /** 新疆生产建设兵团法院. */
    CORPS("CORPS");

    private final String code;

    CourtKind(String code) {
        this.code = code;
    }

    /** The stable code, as written in the directory file. */
    public String code() {
        return code;
    }

    /** The kind with this code. @throws IllegalArgumentException for an unknown code, naming the known ones */
    public static CourtKind ofCode(String code) {
        for (CourtKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown court kind \"" + code + "\"; one of ORDINARY, RAILWAY, MARITIME,"
                + " INTELLECTUAL_PROPERTY, FINANCIAL, INTERNET, MILITARY, CORPS");
    }
}
