package org.jiandu.ledger.internal.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.Roles;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.event.Sensitivity;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.health.HealthState;
import org.jiandu.api.rest.Caller;
import org.junit.jupiter.api.Test;

/** The one masking rule (个人信息保护法 Arts. 28, 51): what is masked by default, how, and who may reveal. */
class MaskingPolicyServiceTest {
    private static final String RESIDENT = "110105194912310021";
    private static final String CREDIT = "91110000802100433B";
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1234号");
    private final MaskingPolicyService policy = new MaskingPolicyService();

    private static MaskingPolicyService configured(Map<String, Object> properties) {
        MaskingPolicyService p = new MaskingPolicyService();
        p.configure(properties);
        return p;
    }

    @Test
    void aResidentIdKeepsItsLastFourByDefault() {
        assertEquals("**************0021", policy.mask(Sensitivity.PERSONAL_ID, RESIDENT));
    }

    @Test
    void anAccountKeepsItsLastFourWhateverItsSpacing() {
        // 19 characters with the spaces: 15 replaced, the trailing blank dropped first
        assertEquals("***************0001", policy.mask(Sensitivity.BANK_ACCOUNT, "6222 0200 1000 0001 "));
    }

    @Test
    void separatorsDoNotCountAmongTheKeptCharacters() {
        assertEquals("******************2 333", policy.mask(Sensitivity.BANK_ACCOUNT, "6217 0000 1111 2222 333"));
        assertEquals("*********1234", policy.mask(Sensitivity.PHONE, "010-8765-1234"));
    }

    @Test
    void maskingAMaskedValueChangesNothing() {
        for (String v : List.of("6222 0200 0000 0001", "6217 0000 1111 2222 333", "12356", "010-12", "1", RESIDENT)) {
            String once = policy.mask(Sensitivity.BANK_ACCOUNT, v);
            assertEquals(once, policy.mask(Sensitivity.BANK_ACCOUNT, once), v);
        }
    }

    @Test
    void aShortValueIsNeverShownWhole() {
        assertEquals("***56", policy.mask(Sensitivity.PHONE, "12356"));
        assertEquals("*", policy.mask(Sensitivity.PHONE, "1"));
        assertEquals("", policy.mask(Sensitivity.PHONE, ""));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsOneCharacter() {
        // 𠮷 is two UTF-16 units, one code point: 9 code points, 5 masked
        assertEquals("*****1234", policy.mask(Sensitivity.PERSONAL_ID, "𠮷物物物物1234"));
    }

    @Test
    void nullAndUnmaskedKindsComeBackAsGiven() {
        assertEquals(null, policy.mask(Sensitivity.PERSONAL_ID, (String) null));
        assertEquals(RESIDENT, policy.mask(Sensitivity.NONE, RESIDENT));
    }

    @Test
    void unitsKeepTheirCodesAndPersonsAndUnknownKindsAreMasked() {
        assertEquals(CREDIT, policy.mask(PartyIdentifier.Kind.CREDIT_CODE, CREDIT));
        assertEquals("927401210", policy.mask(PartyIdentifier.Kind.ORGANISATION_CODE, "927401210"));
        assertEquals("**************0021", policy.mask(PartyIdentifier.Kind.RESIDENT_ID, RESIDENT));
        assertEquals("*****5678", policy.mask(PartyIdentifier.Kind.PASSPORT, "E12345678"));
        assertEquals("*****4321", policy.mask(PartyIdentifier.Kind.OTHER, "987654321"));
    }

    @Test
    void aCaseFiledPayloadIsMaskedByItsDeclaredFieldsOnly() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("applicantPayeeAccount", "6222020010000001");
        given.put("respondentIds", List.of(RESIDENT, CREDIT));
        given.put("respondentIdentifiers", List.of(Map.of("kind", "RESIDENT_ID", "value", RESIDENT),
                Map.of("kind", "CREDIT_CODE", "value", CREDIT)));
        given.put("respondents", List.of("张三"));
        given.put("note", "账号 6222020010000001");
        Payload shown = policy.mask(CoreEventTypes.byId(CoreEventTypes.CASE_FILED), Payload.of(given));
        assertEquals("************0001", shown.raw("applicantPayeeAccount"));
        // respondentIds' kind is unknown: every item is masked as a person's
        assertEquals(List.of("**************0021", "**************433B"), shown.raw("respondentIds"));
        assertEquals(List.of(Map.of("kind", "RESIDENT_ID", "value", "**************0021"),
                Map.of("kind", "CREDIT_CODE", "value", CREDIT)), shown.raw("respondentIdentifiers"));
        assertEquals(List.of("张三"), shown.raw("respondents"));
        // free text is not parsed
        assertEquals("账号 6222020010000001", shown.raw("note"));
    }

    @Test
    void anEntryOfATypeNoLongerInstalledIsMaskedByTheCoreFieldNames() {
        Payload shown = policy.mask(null, Payload.of(Map.of("payeeAccount", "6222020010000001", "amount", "5")));
        assertEquals("************0001", shown.raw("payeeAccount"));
        assertEquals("5", shown.raw("amount"));
    }

    @Test
    void aPayloadWithoutSensitiveValuesIsReturnedAsItIs() {
        Payload p = Payload.of(Map.of("amount", "5.00"));
        assertSame(p, policy.mask(CoreEventTypes.byId(CoreEventTypes.MONEY_RECEIVED), p));
    }

    @Test
    void aValueOfAnUnexpectedShapeIsMaskedWholeNotShown() {
        Payload shown = policy.mask(CoreEventTypes.byId(CoreEventTypes.MONEY_DISBURSED),
                Payload.of(Map.of("payeeAccount", Map.of("bank", "ICBC", "no", "6222020010000001"))));
        assertFalse(shown.raw("payeeAccount").toString().contains("6222020010000001"), shown.toString());
    }

    @Test
    void guardDetailsAreMaskedByTheirDeclaration() {
        Map<String, Object> shown = policy.mask(OperationTypes.SENSITIVE_DETAILS,
                Map.of("toAccount", "621700001111222333", "amount", "5.00", "caseAccount", "0200001209024000501"));
        assertEquals("**************2333", shown.get("toAccount"));
        assertEquals("5.00", shown.get("amount"));
        assertEquals("0200001209024000501", shown.get("caseAccount"));
    }

    @Test
    void theSensitivePathsOfCaseFiledAreListedForProofs() {
        EventType filed = CoreEventTypes.byId(CoreEventTypes.CASE_FILED);
        assertEquals(Map.of("applicantPayeeAccount", Sensitivity.BANK_ACCOUNT, "respondentIds[*]",
                Sensitivity.PERSONAL_ID, "respondentIdentifiers[*].value", Sensitivity.PARTY_IDENTIFIER),
                policy.sensitivePaths(filed));
        // independent of the configuration
        assertEquals(policy.sensitivePaths(filed), configured(Map.of("bankAccount.masked", "false"))
                .sensitivePaths(filed));
    }

    @Test
    void theConfigurationSetsWhatIsKeptAndWhatIsMasked() {
        MaskingPolicyService p = configured(Map.of("personalId.keep", "6", "bankAccount.masked", "false"));
        assertEquals("************310021", p.mask(Sensitivity.PERSONAL_ID, RESIDENT));
        assertEquals("6222020010000001", p.mask(Sensitivity.BANK_ACCOUNT, "6222020010000001"));
        assertFalse(p.masks(Sensitivity.BANK_ACCOUNT));
        assertTrue(p.masks(Sensitivity.PARTY_IDENTIFIER));
        assertEquals(HealthState.UP, p.health().get(0).state());
    }

    @Test
    void aTypoNeverSwitchesMaskingOff() {
        MaskingPolicyService p = configured(Map.of("personalId.masked", "flase", "phone.keep", "40"));
        assertEquals("**************0021", p.mask(Sensitivity.PERSONAL_ID, RESIDENT));
        assertEquals("*******5678", p.mask(Sensitivity.PHONE, "13812345678"));
        assertEquals(HealthState.DEGRADED, p.health().get(0).state());
        assertEquals(2, p.health().get(0).reasons().size(), p.health().get(0).reasons().toString());
    }

    @Test
    void officersAndSupervisorsOfCoveringCourtsAndAdminMayReveal() {
        assertTrue(policy.mayReveal(caller("o", Roles.COURT_OFFICER, "京0105"), CASE));
        assertTrue(policy.mayReveal(caller("s", Roles.SUPERVISOR, "京"), CASE));
        assertTrue(policy.mayReveal(caller("a", Roles.ADMIN, null), CASE));
        assertFalse(policy.mayReveal(caller("o", Roles.COURT_OFFICER, "沪0115"), CASE));
        assertFalse(policy.mayReveal(caller("i", Roles.INSPECTOR, "京0105"), CASE));
        assertFalse(policy.mayReveal(caller("h", Roles.HOST_SYSTEM, "京0105"), CASE));
        assertFalse(policy.mayReveal(caller("p", Roles.PROSECUTOR, "京0105"), CASE));
    }

    @Test
    void theRevealRolesAreConfigurableButNeverTheHostSystem() {
        MaskingPolicyService inspectors = configured(Map.of("revealRoles", "inspector"));
        assertTrue(inspectors.mayReveal(caller("i", Roles.INSPECTOR, "京0105"), CASE));
        assertFalse(inspectors.mayReveal(caller("o", Roles.COURT_OFFICER, "京0105"), CASE));
        MaskingPolicyService host = configured(Map.of("revealRoles", new String[] {"host-system"}));
        assertFalse(host.mayReveal(caller("h", Roles.HOST_SYSTEM, "京0105"), CASE));
        assertTrue(host.mayReveal(caller("o", Roles.COURT_OFFICER, "京0105"), CASE));
        assertEquals(HealthState.DEGRADED, host.health().get(0).state());
    }

    private static Caller caller(String user, String role, String organisation) {
        return new Caller(user, Set.of(role), organisation);
    }
}
