package org.jiandu.api.finding;

import java.util.Locale;

/**
 * How serious a finding is. Each severity has an explicit, stored {@link #code() code} that never changes; a new
 * severity gets a new code.
 */
public enum FindingSeverity {
    /** 待办: something to do that is not a breach (coordinate a split registration, Art. 15 ¶1). Code 0. */
    TASK(0, "待办"),
    /** 提示: a risk worth a look. Code 1. */
    WARN(1, "提示"),
    /** 违规: a breach of a provision. Code 2. */
    VIOLATION(2, "违规"),
    /** 规则出错: a rule failed on an entry, which therefore went unchecked by it. Code 3. */
    RULE_ERROR(3, "规则出错");

    private final int code;
    private final String chinese;

    FindingSeverity(int code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public int code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** The severity with the stored {@code code}; {@link IllegalArgumentException} for an unknown code. */
    public static FindingSeverity ofCode(int code) {
        for (FindingSeverity s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("No finding severity has the code " + code);
    }

    /**
     * The severity named {@code name} (any case); {@code WARN} for {@code null} or a name no severity has, since
     * a third-party rule's own word for it must not lose its finding.
     */
    public static FindingSeverity parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return WARN;
            }
        }
        return WARN;
    }
}
