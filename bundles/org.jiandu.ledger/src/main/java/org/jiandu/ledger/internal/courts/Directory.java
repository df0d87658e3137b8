package org.jiandu.ledger.internal.courts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.court.Court;
import org.jiandu.api.court.Procuratorate;
import org.jiandu.api.rest.Caller;

/** One loaded directory file: immutable, answers {@link org.jiandu.api.court.CourtDirectory}'s questions. */
final class Directory {
    private final Map<String, Court> courts;
    private final Map<String, Procuratorate> procuratorates;

    Directory(Map<String, Court> courts, Map<String, Procuratorate> procuratorates) {
        this.courts = Map.copyOf(courts);
        this.procuratorates = Map.copyOf(procuratorates);
        this.order = List.copyOf(courts.values());
        this.procOrder = List.copyOf(procuratorates.values());
    }

    private final List<Court> order;
    private final List<Procuratorate> procOrder;

    static final Directory EMPTY = new Directory(Map.of(), Map.of());

    Optional<Court> court(String code) {
        return Optional.ofNullable(code == null ? null : courts.get(code));
    }

    Optional<Procuratorate> procuratorate(String code) {
        return Optional.ofNullable(code == null ? null : procuratorates.get(code));
    }

    List<Court> courts() {
        return order;
    }

    List<Procuratorate> procuratorates() {
        return procOrder;
    }

    /**
     * See {@link org.jiandu.api.court.CourtDirectory#covers}; {@code unlisted} is told the code the directory does
     * not know when the rule without a directory decides.
     */
    boolean covers(String organisation, String courtCode, Consumer<String> unlisted) {
        if (organisation == null || organisation.isEmpty() || courtCode == null) {
            return false;
        }
        if (organisation.equals(courtCode) || CaseNumber.SUPREME_COURT.equals(organisation)) {
            return true;
        }
        Procuratorate p = procuratorates.get(organisation);
        if (p != null) {
            return p.courts().contains(courtCode);
        }
        Court target = courts.get(courtCode);
        if (target == null) {
            unlisted.accept(courtCode);
            return Caller.covers(organisation, courtCode);
        }
        if (!courts.containsKey(organisation)) {
            unlisted.accept(organisation);
            return Caller.covers(organisation, courtCode);
        }
        // the file's parents form a tree (CourtFile refuses cycles); the bound is only a guard
        String parent = target.parent();
        for (int depth = 0; parent != null && depth < 64; depth++) {
            if (parent.equals(organisation)) {
                return true;
            }
            Court up = courts.get(parent);
            parent = up == null ? null : up.parent();
        }
        return false;
    }

    Set<String> covered(String organisation) {
        Set<String> out = new LinkedHashSet<>();
        if (organisation == null || (!courts.containsKey(organisation) && !procuratorates.containsKey(organisation)
                && !CaseNumber.SUPREME_COURT.equals(organisation))) {
            return out;
        }
        for (Court c : order) {
            if (covers(organisation, c.code(), code -> { })) {
                out.add(c.code());
            }
        }
        return out;
    }
}
