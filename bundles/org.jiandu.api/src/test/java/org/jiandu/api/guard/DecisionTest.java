package org.jiandu.api.guard;

import static org.jiandu.api.guard.Decision.ALLOW;
import static org.jiandu.api.guard.Decision.DENY;
import static org.jiandu.api.guard.Decision.WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void denyBeatsWarn() {
        assertEquals(DENY, WARN.combine(DENY));
    }

    @Test
    void denyBeatsAllow() {
        assertEquals(DENY, ALLOW.combine(DENY));
    }

    @Test
    void warnBeatsAllow() {
        assertEquals(WARN, ALLOW.combine(WARN));
    }

    @Test
    void combiningWithItselfChangesNothing() {
        for (Decision d : Decision.values()) {
            assertEquals(d, d.combine(d), d::name);
        }
    }

    @Test
    void combineIsCommutative() {
        for (Decision a : Decision.values()) {
            for (Decision b : Decision.values()) {
                assertEquals(a.combine(b), b.combine(a), () -> a + " with " + b);
            }
        }
    }

    @Test
    void combineIsAssociativeSoTheOrderOfGuardsDoesNotMatter() {
        for (Decision a : Decision.values()) {
            for (Decision b : Decision.values()) {
                for (Decision c : Decision.values()) {
                    assertEquals(a.combine(b).combine(c), a.combine(b.combine(c)), () -> a + ", " + b + ", " + c);
                }
            }
        }
    }
}
