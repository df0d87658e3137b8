package org.jiandu.credit.internal;

import java.util.List;
import java.util.Map;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of PID {@code org.jiandu.credit}, checked. A value that does not parse is logged at ERROR with
 * the PID and key and its default is used in its place (a typo never switches a check off); health shows DEGRADED
 * with the reason.
 */
@Component(service = {CreditSettings.class, HealthIndicator.class}, configurationPid = CreditSettings.PID)
@Designate(ocd = CreditConfiguration.class)
public final class CreditSettings implements HealthIndicator {
    public static final String PID = "org.jiandu.credit";
    private static final Logger LOG = LoggerFactory.getLogger(CreditSettings.class);

    /** The checked values. */
    record Policy(int liftWorkingDays, int graceMinMonths, int graceMaxMonths, boolean publishRequiresService,
            List<String> signerRoles, int listingMinMonths, int listingMaxMonths, int reapplyBarMonths,
            boolean fixedPeriodExcludesArt10, int applicationReviewDays, int temporaryLiftMaxMonths,
            int publishedIdKeepFirst, int publishedIdKeepLast) {
        static final Policy DEFAULT = read(Map.of()).policy();

        boolean signerAccepted(String role) {
            return role != null && signerRoles.contains(role);
        }

        /** A natural person's id as the public list shows it: the kept characters, the rest as {@code *}. */
        String publishedId(String id) {
            if (id == null) {
                return null;
            }
            if (publishedIdKeepFirst + publishedIdKeepLast >= id.length()) {
                return "*".repeat(id.length());
            }
            return id.substring(0, publishedIdKeepFirst) + "*".repeat(id.length() - publishedIdKeepFirst
                    - publishedIdKeepLast) + id.substring(id.length() - publishedIdKeepLast);
        }
    }

    record Snapshot(Policy policy, ConfigReport report) {
    }

    private volatile Snapshot snapshot;

    @Activate
    public CreditSettings(Map<String, Object> properties) {
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Snapshot s = read(properties);
        for (String p : s.report().messages()) {
            LOG.error("{}", p);
        }
        this.snapshot = s;
    }

    Policy policy() {
        return snapshot.policy();
    }

    @Override
    public List<ComponentHealth> health() {
        return List.of(snapshot.report().health("jiandu.credit"));
    }

    /** Reads and checks the whole configuration; never throws: each bad value is replaced by its default. */
    static Snapshot read(Map<String, ?> properties) {
        ConfigReader r = ConfigReader.of(PID, properties, CreditConfiguration.class);
        int lift = r.integer("lift.workingDays", 0, 10, "Art. 23: 3 working days");
        int[] grace = range(r, "grace", 1, 12, 1, 3, "法发〔2019〕35号 Art. 15: 1–3 months");
        boolean service = r.bool("publish.requiresService");
        List<String> signers = r.names("signerRoles", CoreEventTypes.SIGNER_ROLES);
        int[] listing = range(r, "listing", 1, 120, 24, 60, "公布失信规定 Art. 2: 2 years, up to 5");
        int bar = r.integer("listing.reapplyBarMonths", 0, 60, "[U] 6 months");
        boolean excludes = r.bool("listing.fixedPeriodExcludesArt10");
        int review = r.integer("application.reviewDays", 1, 60, "[U] 15 days");
        int temp = r.integer("temporaryLift.maxMonths", 1, 3, "法发〔2019〕35号 Art. 17: 1 month");
        int first = r.integer("publication.idKeepFirst", 0, 8, "");
        int last = r.integer("publication.idKeepLast", 0, 8, "");
        Policy p = new Policy(lift, grace[0], grace[1], service, signers, listing[0], listing[1], bar, excludes,
                review, temp, first, last);
        return new Snapshot(p, r.report());
    }

    /** {@code <prefix>.minMonths} and {@code <prefix>.maxMonths}, each in {@code lo … hi}; both defaults if min > max. */
    private static int[] range(ConfigReader r, String prefix, int lo, int hi, int defaultMin, int defaultMax,
            String law) {
        int min = r.integer(prefix + ".minMonths", lo, hi, law);
        int max = r.integer(prefix + ".maxMonths", lo, hi, law);
        if (min > max) {
            r.problem(prefix + ".minMonths", prefix + ".minMonths " + min + " is above " + prefix + ".maxMonths " + max
                    + "; using " + defaultMin + "–" + defaultMax);
            return new int[] {defaultMin, defaultMax};
        }
        return new int[] {min, max};
    }
}
