package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.jiandu.api.query.SeizureRegister;
import org.junit.jupiter.api.Test;

/** The register as {@code SeizureQuery} answers it: the API's record carries the register's own figures. */
class SeizureQueriesTest {

    @Test
    void theApisRegisterShowsTheClaimControlCoverageAndWhatToRelease() {
        // claim 101,400.00 (principal 100,000 + fee 1,400); 200,000 frozen clearly exceeds it
        org.jiandu.seizure.internal.SeizureRegister reg = newCase().filed("100000.00", "2025-01-10")
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT", "measure", "FREEZE",
                        "amount", "200000.00")
                .register("2025-02-01");
        SeizureRegister api = SeizureQueries.toApi(reg, 3);
        assertEquals(reg.claim().total(), api.claimTotal());
        assertEquals(LocalDate.parse("2025-02-01"), api.asOf());
        assertEquals(3, api.lastSeq());
        assertTrue(api.claimKnown());
        assertEquals(yuan("100000.00"), api.claimParts().stream().filter(p -> p.name().equals("principal"))
                .findFirst().orElseThrow().unpaid());
        SeizureRegister.ControlledAsset acc = api.assets().get(0);
        assertEquals("ACC", acc.assetId());
        assertEquals("IN_FORCE", acc.status());
        assertEquals(LocalDate.parse("2026-01-31"), acc.expiry());
        assertEquals(reg.controlledValue(), api.controlledValue());
        assertEquals(reg.clearlyExceeds(), api.clearlyExceeds());
        assertTrue(api.clearlyExceeds());
        assertEquals("ACC", api.releasable().get(0).assetId());
        assertEquals(reg.releasable().get(0).amount(), api.releasable().get(0).amount());
        assertEquals(0, api.pendingObjections());
    }
}
