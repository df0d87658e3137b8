package org.jiandu.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Every payload field that holds an account or an identifier says so where it is declared, so that every view masks
 * it (个人信息保护法 Arts. 28, 51): a new field named like an account but declared NONE fails here.
 */
class SensitivityDeclarationTest {

    @Test
    void aFieldIsNotSensitiveUnlessDeclared() {
        PayloadField f = PayloadField.optional("note", FieldKind.STRING, "a note");
        assertEquals(Sensitivity.NONE, f.sensitivity());
        assertEquals(Sensitivity.NONE, new PayloadField("n", FieldKind.STRING, false, null, "d", null).sensitivity());
        PayloadField account = f.sensitive(Sensitivity.BANK_ACCOUNT);
        assertEquals(Sensitivity.BANK_ACCOUNT, account.sensitivity());
        assertEquals(f.name(), account.name());
        assertEquals(f.description(), account.description());
    }

    @Test
    void everyCoreAndCreditFieldNamedLikeAnAccountOrAnIdentifierOfPersonsIsDeclared() {
        List<String> undeclared = new ArrayList<>();
        int declared = 0;
        List<EventType> all = new ArrayList<>(CoreEventTypes.ALL);
        all.addAll(org.jiandu.api.credit.CreditEventTypes.ALL);
        for (EventType t : all) {
            for (PayloadField f : t.fields()) {
                String n = f.name().toLowerCase(Locale.ROOT);
                // a flag such as includesCaseAccount holds no number
                boolean text = f.kind() == FieldKind.STRING || f.kind() == FieldKind.STRING_LIST
                        || f.kind() == FieldKind.PARTY_IDENTIFIER_LIST;
                boolean looksPersonal = text && (n.endsWith("account") || n.contains("phone")
                        || n.startsWith("respondentid") || f.kind() == FieldKind.PARTY_IDENTIFIER_LIST);
                if (looksPersonal && f.sensitivity() == Sensitivity.NONE) {
                    undeclared.add(t.id() + "." + f.name());
                }
                if (f.sensitivity() != Sensitivity.NONE) {
                    declared++;
                }
            }
        }
        assertTrue(undeclared.isEmpty(), "declare the sensitivity of " + undeclared);
        // 5 of the core's own, 2 on each of CONSUMPTION_RESTRICTED, DEFAULTER_LISTED and credit.MEASURE_PROPOSED
        assertEquals(11, declared, "the declared fields (README, Masking and reveal, lists them)");
    }

    @Test
    void caseFiledTakesRespondentIdentifiersWithTheirKind() {
        PayloadField f = CoreEventTypes.byId(CoreEventTypes.CASE_FILED).fields().stream()
                .filter(x -> x.name().equals("respondentIdentifiers")).findFirst().orElseThrow();
        assertEquals(FieldKind.PARTY_IDENTIFIER_LIST, f.kind());
        assertEquals(Sensitivity.PARTY_IDENTIFIER, f.sensitivity());
    }

    @Test
    void sensitivityCodesAreStable() {
        assertEquals(List.of("none", "personalId", "bankAccount", "phone", "partyIdentifier"),
                java.util.Arrays.stream(Sensitivity.values()).map(Sensitivity::code).toList());
    }
}
