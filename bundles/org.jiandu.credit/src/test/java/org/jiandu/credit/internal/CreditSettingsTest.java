package org.jiandu.credit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jiandu.api.health.HealthState;
import org.junit.jupiter.api.Test;

/** A typo never switches a check off: the default stands in, and health says why. */
class CreditSettingsTest {

    @Test
    void defaultsAreTheLawsNumbers() {
        CreditSettings.Policy p = CreditSettings.Policy.DEFAULT;
        assertEquals(3, p.liftWorkingDays());
        assertEquals(1, p.graceMinMonths());
        assertEquals(3, p.graceMaxMonths());
        assertEquals(24, p.listingMinMonths());
        assertEquals(60, p.listingMaxMonths());
        assertEquals(List.of("PRESIDENT"), p.signerRoles());
        assertTrue(p.publishRequiresService());
        assertTrue(p.fixedPeriodExcludesArt10());
        assertEquals(6, p.reapplyBarMonths());
        assertEquals("1101**********1238", p.publishedId("110105198001011238"));
    }

    @Test
    void badValuesFallBackToTheirDefaultsAndDegradeHealth() {
        CreditSettings s = new CreditSettings(new java.util.HashMap<>(Map.of("lift.workingDays", "three",
                "signerRoles", "PRESIDENT, DEAN", "grace.minMonths", "3", "grace.maxMonths", "2")));
        assertEquals(3, s.policy().liftWorkingDays());
        assertEquals(List.of("PRESIDENT"), s.policy().signerRoles());
        assertEquals(1, s.policy().graceMinMonths());
        assertEquals(3, s.policy().graceMaxMonths());
        assertEquals(HealthState.DEGRADED, s.health().get(0).state());
        String detail = s.health().get(0).toString();
        assertTrue(detail.contains("lift.workingDays") && detail.contains("signerRoles")
                && detail.contains("grace.minMonths"), detail);
    }

    @Test
    void aCourtMayChooseItsReadings() {
        CreditSettings s = new CreditSettings(new java.util.HashMap<>(Map.of("signerRoles", "PRESIDENT VICE_PRESIDENT",
                "publish.requiresService", "false", "listing.reapplyBarMonths", "0", "publication.idKeepFirst", "6")));
        assertTrue(s.policy().signerAccepted("VICE_PRESIDENT"));
        assertFalse(s.policy().publishRequiresService());
        assertEquals(0, s.policy().reapplyBarMonths());
        assertEquals("110105********1238", s.policy().publishedId("110105198001011238"));
        assertEquals(HealthState.UP, s.health().get(0).state());
    }
}
