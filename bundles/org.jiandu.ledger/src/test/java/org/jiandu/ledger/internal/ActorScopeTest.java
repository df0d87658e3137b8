package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.court.CourtDirectory;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;
import org.jiandu.ledger.internal.courts.CourtDirectoryService;
import org.junit.jupiter.api.Test;

/** Who may act in a case: the case's court and the courts under it, a paired procuratorate, and recorded ones. */
class ActorScopeTest {
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1号");
    /** The shipped directory: 京0105 under 京03 under 京; 京0105检 paired with 京0105. */
    private final CourtDirectory directory = new CourtDirectoryService(Map.of());

    private static CaseEvent by(String organisation, String type, Map<String, Object> payload) {
        return new CaseEvent("H-1", CASE, type, OffsetDateTime.parse("2024-10-09T09:00:00+08:00"), null,
                organisation == null ? null : new Actor("P-1", "执行员", organisation), Payload.of(payload), null);
    }

    private static CaseEvent by(String organisation) {
        return by(organisation, CoreEventTypes.PROPERTY_CONTROLLED, Map.of("assetId", "A-1"));
    }

    private void check(CaseEvent e, Set<String> acting) {
        ActorScope.check(e, acting, directory, "actor.organisation");
    }

    @Test
    void theShippedDirectoryKnowsTheCourtsOfTheseCases() {
        assertTrue(directory.court("京0105").isPresent());
        assertTrue(directory.procuratorate("京0105检").isPresent());
    }

    @Test
    void theCasesCourtAndAnEventWithoutOrganisationMayAct() {
        assertDoesNotThrow(() -> check(by("京0105"), Set.of()));
        assertDoesNotThrow(() -> check(by(null), Set.of()));
        // a court under the case's court: a basic court acting in its intermediate court's case
        assertTrue(ActorScope.mayAct("京0105", "京03", Set.of(), directory));
    }

    @Test
    void anotherCourtASuperiorCourtAndAnUnknownOrganisationAreRefusedNamingTheField() {
        for (String org : new String[] {"沪0115", "京03", "京", "最高法", "京0105执行局"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> check(by(org), Set.of()), org);
            assertEquals("ACTOR_NOT_OF_CASE_COURT", e.code());
            assertEquals("actor.organisation", e.field());
            assertTrue(e.getMessage().contains(org) && e.getMessage().contains("京0105"), e.getMessage());
        }
    }

    @Test
    void theProcuratoratePairedWithTheCourtMayActAnotherMayNot() {
        assertDoesNotThrow(() -> check(by("京0105检"), Set.of()));
        assertThrows(ValidationException.class, () -> check(by("沪0115检"), Set.of()));
    }

    @Test
    void anEntrustedCourtMayActUntilTheEntrustmentEnds() {
        Set<String> acting = ActorScope.after(by("京0105", CoreEventTypes.MATTER_ENTRUSTED,
                Map.of("entrustedCourt", "沪0115")), Set.of());
        assertEquals(Set.of("沪0115"), acting);
        assertDoesNotThrow(() -> check(by("沪0115"), acting));
        Set<String> ended = ActorScope.after(by("京0105", CoreEventTypes.ENTRUSTMENT_ENDED,
                Map.of("entrustedCourt", "沪0115")), acting);
        assertEquals(Set.of(), ended);
        assertThrows(ValidationException.class, () -> check(by("沪0115"), ended));
    }

    @Test
    void aCourtTheCaseWasTransferredToMayAct() {
        Set<String> acting = ActorScope.after(by("京0105", CoreEventTypes.ENFORCEMENT_TRANSFERRED,
                Map.of("toCourt", "京03", "kind", "ELEVATED")), Set.of());
        assertDoesNotThrow(() -> check(by("京03"), acting));
        // other events leave the acting organisations as they are
        assertEquals(acting, ActorScope.after(by("京03"), acting));
    }

    @Test
    void withoutADirectoryOnlyTheCourtItselfAndRecordedOnesMayAct() {
        assertTrue(ActorScope.mayAct("京0105", "京0105", Set.of(), null));
        assertTrue(ActorScope.mayAct("沪0115", "京0105", Set.of("沪0115"), null));
        assertEquals(false, ActorScope.mayAct("京0105检", "京0105", Set.of(), null));
    }
}
