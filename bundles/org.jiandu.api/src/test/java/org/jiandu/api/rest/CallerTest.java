package org.jiandu.api.rest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.junit.jupiter.api.Test;

class CallerTest {
    private static final CaseNumber BASIC_BEIJING = CaseNumber.parse("（2024）京0105执1234号");
    private static final CaseNumber INTERMEDIATE_BEIJING = CaseNumber.parse("（2024）京01执88号");
    private static final CaseNumber BASIC_SHANGHAI = CaseNumber.parse("（2024）沪0115执7号");
    private static final CaseNumber SUPREME = CaseNumber.parse("（2024）最高法执监3号");

    private static Caller officerOf(String organisation) {
        return new Caller("officer", Set.of(Roles.COURT_OFFICER), organisation);
    }

    @Test
    void courtCoversItsOwnCases() {
        assertTrue(officerOf("京0105").covers(BASIC_BEIJING));
    }

    @Test
    void basicCourtDoesNotCoverAnotherBasicCourt() {
        assertFalse(officerOf("京0106").covers(BASIC_BEIJING));
    }

    @Test
    void highCourtCoversBasicCourtsOfItsProvince() {
        assertTrue(officerOf("京").covers(BASIC_BEIJING));
    }

    @Test
    void highCourtCoversIntermediateCourtsOfItsProvince() {
        assertTrue(officerOf("京").covers(INTERMEDIATE_BEIJING));
    }

    @Test
    void highCourtDoesNotCoverAnotherProvince() {
        assertFalse(officerOf("京").covers(BASIC_SHANGHAI));
    }

    @Test
    void highCourtDoesNotCoverTheSupremeCourt() {
        assertFalse(officerOf("京").covers(SUPREME));
    }

    @Test
    void supremeCourtCoversEveryCourt() {
        Caller supreme = officerOf("最高法");
        assertAll(() -> assertTrue(supreme.covers(BASIC_BEIJING)),
                () -> assertTrue(supreme.covers(INTERMEDIATE_BEIJING)),
                () -> assertTrue(supreme.covers(BASIC_SHANGHAI)),
                () -> assertTrue(supreme.covers(SUPREME)));
    }

    @Test
    void intermediateCourtDoesNotCoverBasicCourtsOfItsCity() {
        // court codes do not say which basic courts lie under which intermediate court
        assertFalse(officerOf("京01").covers(BASIC_BEIJING));
    }

    @Test
    void callerWithoutOrganisationCoversNothing() {
        assertFalse(officerOf(null).covers(BASIC_BEIJING));
    }

    @Test
    void callerWithEmptyOrganisationCoversNothing() {
        assertFalse(officerOf("").covers(BASIC_BEIJING));
    }

    @Test
    void adminCoversEveryCaseWhateverTheOrganisation() {
        Caller admin = new Caller("root", Set.of(Roles.ADMIN), null);
        assertAll(() -> assertTrue(admin.covers(BASIC_BEIJING)), () -> assertTrue(admin.covers(BASIC_SHANGHAI)),
                () -> assertTrue(admin.covers(SUPREME)));
    }

    @Test
    void fromAnswersTheCallerThatIsThePrincipal() {
        Caller caller = officerOf("京0105");
        assertSame(caller, Caller.from(caller));
    }

    @Test
    void fromAnotherPrincipalIsNotAuthenticated() {
        Principal stranger = () -> "stranger";
        ApiException e = assertThrows(ApiException.class, () -> Caller.from(stranger));
        assertEquals(401, e.status());
        assertEquals("NOT_AUTHENTICATED", e.code());
    }

    @Test
    void requireCoversRefusesAForeignCaseWith403NamingTheField() {
        Caller shanghai = new Caller("u", Set.of(Roles.SUPERVISOR), "沪0115");
        ApiException e = assertThrows(ApiException.class,
                () -> shanghai.requireCovers(CaseNumber.parse("（2024）京0105执1号"), "events[2].caseNumber"));
        assertEquals(403, e.status());
        assertEquals("ORGANISATION_MISMATCH", e.code());
        assertEquals("events[2].caseNumber", e.field());
        assertTrue(e.getMessage().contains("京0105"), e.getMessage());
    }

    @Test
    void requireCoversLetsTheCoveringCourtThrough() {
        Caller beijingHigh = new Caller("u", Set.of(Roles.SUPERVISOR), "京");
        beijingHigh.requireCovers(CaseNumber.parse("（2024）京0105执1号"), "caseNumber");
        assertTrue(beijingHigh.covers(CaseNumber.parse("（2024）京0105执1号")));
    }
}
