package org.jiandu.api;

import static org.jiandu.api.ValidationAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PartyIdTest {
    private static final String FIELD = "parties[0].id";

    /**
     * An all-digit credit code: 9 (工商) 1 (企业), division 110000, an organisation code with a numeric check, and a
     * numeric GB 32100 check. Its first digit 9 cannot start a resident ID, so only the fallback can accept it.
     */
    private static String allDigitCreditCode() {
        for (int n = 10_000_000; ; n++) {
            String body = String.format("%08d", n);
            int check = 11 - CreditCodeTest.gb11714SumMod11(body);
            if (check <= 9) {
                String code = CreditCodeTest.withGb32100Check("91110000" + body + check);
                if (Character.isDigit(code.charAt(17))) {
                    return code;
                }
            }
        }
    }

    @Test
    void residentIdBecomesANaturalPerson() {
        PartyId id = PartyId.parse("11010519491231002X", FIELD);
        assertEquals(List.of(PartyId.Kind.NATURAL_PERSON, "11010519491231002X"), List.of(id.kind(), id.value()));
    }

    @Test
    void residentIdIsParsedAsResidentIdType() {
        assertInstanceOf(ResidentId.class, PartyId.parse("11010519491231002x", FIELD));
    }

    @Test
    void creditCodeBecomesAnOrganisation() {
        PartyId id = PartyId.parse("91350100M000100Y43", FIELD);
        assertEquals(List.of(PartyId.Kind.ORGANISATION, "91350100M000100Y43"), List.of(id.kind(), id.value()));
    }

    @Test
    void lowerCaseCreditCodeIsAcceptedUpperCase() {
        assertEquals("91110000802100433B", PartyId.parse("91110000802100433b", FIELD).value());
    }

    @Test
    void allDigitCreditCodeFallsBackToOrganisation() {
        String code = allDigitCreditCode();
        assertEquals(PartyId.Kind.ORGANISATION, PartyId.parse(code, FIELD).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "91350100M000100Y44", "ABC", "11010519491231002X1"})
    void valueThatIsNeitherKindIsRejectedSayingSo(String text) {
        ValidationException e = assertRejected("INVALID_PARTY_ID", FIELD, () -> PartyId.parse(text, FIELD));
        assertTrue(e.getMessage().contains("neither a valid 居民身份证号码") && e.getMessage().contains("nor a valid 统一社会信用代码"),
                e.getMessage());
    }

    @Test
    void neitherKindMessageGivesBothReasons() {
        ValidationException e = assertRejected("INVALID_PARTY_ID", FIELD, () -> PartyId.parse("110105194912310021", FIELD));
        assertTrue(e.getMessage().contains("check digit is 1 but X was expected")
                && e.getMessage().contains("GB 32100 check character"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void nullOrBlankIsAMissingField(String text) {
        assertRejected("MISSING_FIELD", FIELD, () -> PartyId.parse(text, FIELD));
    }

    @Test
    void maskedHidesTheMiddleOfEitherKind() {
        assertEquals(List.of("1101**********002X", "9111**********433B"),
                List.of(PartyId.parse("11010519491231002X", FIELD).masked(),
                        PartyId.parse("91110000802100433B", FIELD).masked()));
    }
}
