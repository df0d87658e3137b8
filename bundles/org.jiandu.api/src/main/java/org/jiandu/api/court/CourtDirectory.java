package org.jiandu.api.court;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which courts and procuratorates exist, their names, and who is under whom. Registered by {@code jiandu-core},
 * loaded from {@code etc/jiandu-courts.csv} (README "Courts and organisations") and reloaded when the file changes;
 * answers always reflect the last file that loaded.
 *
 * <p>Used for scoping ({@link org.jiandu.api.rest.Caller#covers}), for naming a court in messages (escalation), and
 * by readers that drill down a court's subtree. Every method is thread-safe, answers from memory, and never blocks.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CourtDirectory {

    /** The court with this code, if the directory lists it. */
    Optional<Court> court(String code);

    /** The procuratorate with this code, if the directory lists it. */
    Optional<Procuratorate> procuratorate(String code);

    /** Every court listed, in file order. */
    List<Court> courts();

    /** Every procuratorate listed, in file order. */
    List<Procuratorate> procuratorates();

    /** The court's name, or its code when the directory does not list it. */
    default String name(String courtCode) {
        return court(courtCode).map(Court::name).orElse(courtCode);
    }

    /**
     * Whether users of {@code organisation} may see cases of the court {@code courtCode}: the same court; a court
     * above it in the directory (an intermediate court covers its basic courts, a high court its province, including
     * the specialised courts under it; {@code 最高法} covers all); a procuratorate covers the courts it is paired with.
     * For a court or organisation the directory does not list, the rule that needs no directory applies (the same
     * code; a bare province abbreviation covers the codes starting with it; {@code 最高法} all), with a WARN once.
     */
    boolean covers(String organisation, String courtCode);

    /**
     * The codes of every listed court {@code organisation} covers ({@link #covers}): for a query over many courts
     * (an alert list, a console drill-down). Empty for an organisation the directory does not list.
     */
    Set<String> covered(String organisation);
}
