package org.jiandu.api.query;

import java.util.Set;

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
