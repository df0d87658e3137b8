package org.jiandu.api.query;

import java.util.HashSet;
import java.util.Set;

import org.jiandu.api.court.CourtDirectory;
import org.jiandu.api.rest.Caller;

/**
 * Which courts a query covers: every court ({@link #all()}), or the union of listed court codes ({@code 京0105})
 * and provinces (a high court's abbreviation such as {@code 京}, meaning every court code that starts with it).
 * The reader builds it from what its caller may see; a query service applies it and nothing else.
 *
 * @param any       every court
 * @param courts    exact court codes
 * @param provinces province abbreviations (one character)
 */
public record CourtScope(boolean any, Set<String> courts, Set<String> provinces) {
    private static final CourtScope ALL = new CourtScope(true, Set.of(), Set.of());

    public CourtScope {
        courts = Set.copyOf(courts);
        provinces = Set.copyOf(provinces);
        for (String p : provinces) {
            if (p.length() != 1) {
                throw new IllegalArgumentException("A province is one character such as 京, not " + p);
            }
        }
    }

    /** Every court. */
    public static CourtScope all() {
        return ALL;
    }

    /** Exactly these courts. */
    public static CourtScope courts(Set<String> courts) {
        return new CourtScope(false, courts, Set.of());
    }

    /** One court. */
    public static CourtScope court(String court) {
        return new CourtScope(false, Set.of(court), Set.of());
    }

    /** Every court of one province. */
    public static CourtScope province(String province) {
        return new CourtScope(false, Set.of(), Set.of(province));
    }

    /**
     * The courts a caller of {@code organisation} sees, the same as {@link org.jiandu.api.rest.Caller#covers(String,
     * String)} decides them: admin and {@code 最高法} every court, a high court (a province abbreviation) its province,
     * any other organisation its own court; no organisation, no court.
     */
    public static CourtScope forOrganisation(String organisation, boolean admin) {
        if (admin || "最高法".equals(organisation)) {
            return ALL;
        }
        if (organisation == null || organisation.isEmpty()) {
            return new CourtScope(false, Set.of(), Set.of());
        }
        if (organisation.length() == 1 && !"最".equals(organisation)) {
            return province(organisation);
        }
        return court(organisation);
    }

    /**
     * The courts users of {@code organisation} see: those of {@link #forOrganisation} and, with a court directory,
     * every listed court it covers ({@link CourtDirectory#covered}: an intermediate court's basic courts, a high
     * court's specialised courts …), so that a query agrees with {@link Caller#coversCourt}. Also the scope of a
     * {@code court} filter: that court and the courts under it.
     *
     * @param directory the court directory, or {@code null} where none is installed
     */
    public static CourtScope of(String organisation, boolean admin, CourtDirectory directory) {
        CourtScope base = forOrganisation(organisation, admin);
        if (base.any || directory == null || organisation == null || organisation.isEmpty()) {
            return base;
        }
        Set<String> listed = directory.covered(organisation);
        if (listed.isEmpty()) {
            return base;
        }
        Set<String> courts = new HashSet<>(base.courts);
        courts.addAll(listed);
        return new CourtScope(false, courts, base.provinces);
    }

    /** The courts {@code caller} sees: {@link #of} its organisation, admin and directory. */
    public static CourtScope forCaller(Caller caller) {
        return of(caller.organisation(), caller.isAdmin(), caller.courts());
    }

    /** Whether the scope covers no court at all. */
    public boolean none() {
        return !any && courts.isEmpty() && provinces.isEmpty();
    }

    /** Whether the court with code {@code court} is in scope. */
    public boolean covers(String court) {
        if (any || courts.contains(court)) {
            return true;
        }
        return !court.isEmpty() && provinces.contains(court.substring(0, 1));
    }
}
