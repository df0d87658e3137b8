package org.jiandu.api.court;

import java.util.Objects;

import org.jiandu.api.CourtLevel;

/**
 * A people's court as the directory knows it.
 *
 * @param code   法院代字 as in a 案号, e.g. {@code 京0105}
 * @param name   full name, e.g. {@code 北京市朝阳区人民法院}
 * @param level  its level
 * @param parent the court that supervises it (appeals go there), e.g. {@code 京03}; null for 最高法
 * @param kind   ordinary or specialised
 */
public record Court(String code, String name, CourtLevel level, String parent, CourtKind kind) {
    public Court {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
    }
}
