package org.jiandu.monitor.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.junit.jupiter.api.Test;

/** Configuration PID org.jiandu.monitor.guards: defaults from the law, bad values refused, never switched off. */
class GuardSettingsTest {

    private static GuardSettings.Values values(Object... keyValues) {
        return Cases.settings(keyValues).current();
    }

    @Test
    void defaultsComeFromTheLaw() {
        GuardSettings.Values v = values();
        assertEquals(List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES", "SHIP", "ONLINE_FUNDS",
                "WEALTH_PRODUCTS"), v.queryableTypes());
        assertEquals(3, v.minMonthsSinceFiling());
        assertEquals(90, v.selfDisposalMaxDays());
        assertEquals(Set.of("ONLINE_AUCTION", "SELF_DISPOSAL"), v.methodsWithoutException());
        assertTrue(v.forbiddenPhrases().contains("不负责腾退交付"));
        assertTrue(v.refusedReasons().contains("未申请拍卖"));
        assertTrue(v.panelNeedsPresident());
        assertTrue(v.caseAccounts().isEmpty());
        assertTrue(v.problems().isEmpty(), v.problems().toString());
    }

    @Test
    void fewerThanThreeMonthsIsRefusedAndTheLawsValueKept() {
        GuardSettings.Values v = values("termination_minMonthsSinceFiling", 2);
        assertEquals(3, v.minMonthsSinceFiling());
        assertTrue(v.problems().get(0).startsWith("termination.minMonthsSinceFiling = 2"), v.problems().toString());
    }

    @Test
    void aSelfDisposalPeriodOverNinetyDaysIsRefused() {
        GuardSettings.Values v = values("disposal_selfDisposalMaxDays", 120);
        assertEquals(90, v.selfDisposalMaxDays());
        assertEquals(1, v.problems().size());
    }

    @Test
    void anUnknownPropertyTypeRefusesTheListNotTheGuard() {
        GuardSettings.Values v = values("termination_queryablePropertyTypes", new String[] {"DEPOSIT", "GOLD"});
        assertEquals(7, v.queryableTypes().size());
        assertTrue(v.problems().get(0).contains("GOLD"), v.problems().toString());
    }

    @Test
    void anEmptyPhraseListIsRefused() {
        GuardSettings.Values v = values("disposal_forbiddenAnnouncementPhrases", new String[] {" "});
        assertTrue(v.forbiddenPhrases().contains("不负责腾退交付"));
        assertEquals(1, v.problems().size());
    }

    @Test
    void aCfgFilesSingleStringHoldsSeveralEntries() {
        GuardSettings.Values v = values("termination_queryablePropertyTypes", new String[] {"deposit, VEHICLE，EQUITY"},
                "money_caseAccounts", new String[] {"京0105=0200 0012 0902 4000 501; 沪0115 = 1001-2002"});
        assertEquals(List.of("DEPOSIT", "VEHICLE", "EQUITY"), v.queryableTypes());
        assertEquals("0200001209024000501", v.caseAccountOf(CaseNumber.parse("（2026）京0105执1号")));
        assertEquals("10012002", v.caseAccountOf(CaseNumber.parse("（2026）沪0115执1号")));
        assertNull(v.caseAccountOf(CaseNumber.parse("（2026）京0101执1号")));
        assertTrue(v.problems().isEmpty(), v.problems().toString());
    }

    @Test
    void aBadAccountEntryIsIgnoredAndReported() {
        GuardSettings.Values v = values("money_caseAccounts", new String[] {"京0105 0200 0012", "月球=1", "京0105=1,京0105=2"});
        assertEquals("1", v.caseAccountOf(CaseNumber.parse("（2026）京0105执1号")));
        assertEquals(3, v.problems().size(), v.problems().toString());
    }

    @Test
    void aModifiedConfigurationIsPickedUp() {
        GuardSettings s = Cases.defaults();
        s.modified(GuardSettings.Defaults.with(java.util.Map.of("disposal_selfDisposalMaxDays", 30)));
        assertEquals(30, s.current().selfDisposalMaxDays());
    }
}
