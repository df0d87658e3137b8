package org.jiandu.seizure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Art. 12 of 法〔2021〕322号: a correction restates a node of the case at that node's position. */
class CaseFactsCorrectionTest {

    @Test
    void aCorrectedReleaseStaysBeforeTheLaterFreeze() {
        // H-1 filed, H-2 frozen 120,000, H-3 released (whole), H-4 frozen 80,000, H-5: H-3 was a release of 20,000
        CaseFacts facts = Cases.newCase().filed("300000", "2025-02-01")
                .on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC-1", "assetKind", "DEPOSIT", "measure",
                        "FREEZE", "amount", "120000")
                .on("2025-03-18", "CONTROL_RELEASED", "assetId", "ACC-1")
                .on("2025-04-01", "PROPERTY_CONTROLLED", "assetId", "ACC-1", "assetKind", "DEPOSIT", "measure",
                        "FREEZE", "amount", "80000")
                .correcting("H-3", "2025-03-18", "CONTROL_RELEASED", "assetId", "ACC-1", "amount", "20000")
                .facts();
        CaseFacts.Asset a = facts.assets().get("ACC-1");
        // one control since 2025-03-10: 120,000 − 20,000, then 80,000 more
        assertEquals(LocalDate.of(2025, 3, 10), a.controlledOn());
        assertEquals(Cases.yuan("180000"), a.grossOn(LocalDate.of(2025, 5, 1)));
    }
}
