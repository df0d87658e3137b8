package org.jiandu.api.court;

import java.util.List;
import java.util.Objects;

/**
 * A people's procuratorate as the directory knows it.
 *
 * @param code   its organisation code, e.g. {@code 京0105检}
 * @param name   full name, e.g. {@code 北京市朝阳区人民检察院}
 * @param parent the procuratorate above it, or null
 * @param courts the court(s) whose enforcement it supervises (Art. 36 of 法〔2021〕322号), e.g. {@code [京0105]}
 */
public record Procuratorate(String code, String name, String parent, List<String> courts) {
    public Procuratorate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        courts = courts == null ? List.of() : List.copyOf(courts);
    }
}
