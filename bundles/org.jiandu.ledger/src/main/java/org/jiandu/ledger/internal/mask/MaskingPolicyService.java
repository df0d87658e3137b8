package org.jiandu.ledger.internal.mask;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.Roles;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.event.Sensitivity;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.rest.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The masking policy of the core ({@link MaskingPolicy}), configured by PID {@value MaskingPolicy#PID}
 * ({@link MaskConfig}). A reconfiguration swaps one immutable {@link Masker}: a view that took it masks its whole
 * answer by one set of settings.
 */
@Component(service = {MaskingPolicy.class, HealthIndicator.class}, configurationPid = MaskingPolicy.PID)
@Designate(ocd = MaskConfig.class)
public class MaskingPolicyService implements MaskingPolicy, HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(MaskingPolicyService.class);
    /** The kinds with their own settings ({@link Sensitivity#PARTY_IDENTIFIER} follows {@code personalId}). */
    static final List<Sensitivity> CONFIGURED = List.of(Sensitivity.PERSONAL_ID, Sensitivity.BANK_ACCOUNT,
            Sensitivity.PHONE);
    /** What a reveal role may be: a role name as JAAS gives it. */
    private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private volatile Masker masker = Masker.defaults();
    private volatile ConfigReport report = ConfigReport.empty(PID);

    /** A policy with the defaults (tests and in-process callers without Config Admin). */
    public MaskingPolicyService() {
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = ConfigReader.of(PID, properties, MaskConfig.class);
        masker = read(r);
        report = r.report();
        for (String problem : report.messages()) {
            LOG.error("{}", problem);
        }
        CONFIGURED.stream().filter(k -> !masker.masks(k)).forEach(k -> LOG.warn("Masking of {} is switched off"
                + " (configuration {}, {}.masked = false): every view shows them in full", k.code(), PID, k.code()));
    }

    static Masker read(ConfigReader r) {
        Map<Sensitivity, Integer> keep = new EnumMap<>(Sensitivity.class);
        for (Sensitivity k : CONFIGURED) {
            boolean masked = r.bool(k.code() + ".masked");
            int n = r.integer(k.code() + ".keep", 0, 8, "");
            if (masked) {
                keep.put(k, n);
            }
        }
        List<String> given = r.entries("revealRoles", "[,，;；\\s]+");
        Set<String> roles = new LinkedHashSet<>();
        String bad = null;
        for (String g : given) {
            if (!ROLE.matcher(g).matches()) {
                bad = "\"" + g + "\" is no role name";
            } else if (Roles.HOST_SYSTEM.equals(g)) {
                bad = "the host system never reveals: it holds the full values itself";
            } else {
                roles.add(g);
            }
        }
        Set<String> effective = r.check("revealRoles", roles, bad, Set.copyOf(r.defaultEntries("revealRoles")));
        return new Masker(keep, effective);
    }

    /** The policy's configuration as health component {@code jiandu.mask}. */
    @Override
    public List<ComponentHealth> health() {
        return List.of(report.health("jiandu.mask"));
    }

    @Override
    public String mask(Sensitivity kind, String value) {
        return masker.mask(kind, value);
    }

    @Override
    public String mask(PartyIdentifier.Kind kind, String value) {
        return masker.mask(kind, value);
    }

    @Override
    public boolean masks(Sensitivity kind) {
        return masker.masks(kind);
    }

    @Override
    public Payload mask(EventType type, Payload payload) {
        return masker.mask(type, payload);
    }

    @Override
    public Map<String, Object> mask(Map<String, Sensitivity> declared, Map<String, Object> values) {
        return masker.mask(declared, values);
    }

    @Override
    public Map<String, Sensitivity> sensitivePaths(EventType type) {
        return Masker.sensitivePaths(type);
    }

    @Override
    public boolean mayReveal(Caller caller, CaseNumber caseNumber) {
        return masker.mayReveal(caller, caseNumber);
    }
}
