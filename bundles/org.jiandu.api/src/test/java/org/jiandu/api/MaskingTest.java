package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @Test
    void maskIdKeepsFirstAndLastFourCharacters() {
        assertEquals("1101**********002X", Masking.maskId("11010519491231002X"));
    }

    @ParameterizedTest
    @CsvSource({"12345678,******78", "123456789,1234*6789", "AB,AB", "A,A"})
    void maskIdOfEightCharactersOrFewerKeepsOnlyTheLastTwo(String id, String masked) {
        assertEquals(masked, Masking.maskId(id));
    }

    @Test
    void maskIdOfEmptyStringIsEmpty() {
        assertEquals("", Masking.maskId(""));
    }

    @ParameterizedTest
    @CsvSource({"张三,张*", "欧阳娜娜,欧***", "李,李"})
    void maskNameKeepsOnlyTheFirstCharacter(String name, String masked) {
        assertEquals(masked, Masking.maskName(name));
    }

    @Test
    void maskNameCountsACharacterOutsideTheBasicPlaneOnce() {
        assertEquals("𠮷*", Masking.maskName("𠮷三"));
    }

    @Test
    void maskNameMasksACharacterOutsideTheBasicPlaneWithOneStar() {
        assertEquals("张*", Masking.maskName("张𠮷"));
    }

    @Test
    void maskPhoneKeepsFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", Masking.maskPhone("13812345678"));
    }

    @Test
    void maskPhoneOfShortNumberKeepsOnlyTheLastTwo() {
        assertEquals("*****78", Masking.maskPhone("1234578"));
    }

    @Test
    void maskIdOfNullIsNull() {
        assertNull(Masking.maskId(null));
    }

    @Test
    void maskNameOfNullIsNull() {
        assertNull(Masking.maskName(null));
    }

    @Test
    void maskPhoneOfNullIsNull() {
        assertNull(Masking.maskPhone(null));
    }
}
