package org.jiandu.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthState;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    /** A configuration annotation as a component declares one (defaults are the law's). */
    @interface Sample {
        int period_amount() default 5;

        String period_unit() default "WD";

        boolean sweep_enabled() default true;

        String[] types() default {"DEPOSIT", "VEHICLE"};

        String my$_$key() default "x";
    }

    private static final String PID = "org.jiandu.test";

    @Test
    void valuesAsACfgFileWritesThemAreRead() {
        ConfigReader r = ConfigReader.of(PID, Map.of("period.amount", " 7 ", "period.unit", "d", "sweep.enabled",
                "FALSE", "types", "deposit, VEHICLE"), Sample.class);
        assertEquals(7, r.integer("period.amount", 1, 100, ""));
        assertEquals("D", r.choice("period.unit", List.of("WD", "D", "M", "H")));
        assertEquals(false, r.bool("sweep.enabled"));
        assertEquals(List.of("DEPOSIT", "VEHICLE"), r.names("types", List.of("DEPOSIT", "VEHICLE", "SHIP")));
        assertTrue(r.report().ok());
        assertEquals(7, r.report().effective().get("period.amount"));
    }

    @Test
    void eachBadValueIsRefusedWithPidKeyAndTheAnnotationsDefault() {
        ConfigReader r = ConfigReader.of(PID, Map.of("period.amount", "fünf", "period.unit", "WX", "sweep.enabled",
                "maybe", "types", "GOLD"), Sample.class);
        assertEquals(5, r.integer("period.amount", 1, 100, ""));
        assertEquals("WD", r.choice("period.unit", List.of("WD", "D", "M", "H")));
        assertEquals(true, r.bool("sweep.enabled"));
        assertEquals(List.of("DEPOSIT", "VEHICLE"), r.names("types", List.of("DEPOSIT", "VEHICLE", "SHIP")));
        ConfigReport report = r.report();
        assertEquals(4, report.problems().size(), report.messages().toString());
        assertEquals("Configuration org.jiandu.test: period.unit = WX refused: must be one of [WD, D, M, H]; using the"
                + " default WD", report.messages().get(1));
        ComponentHealth h = report.health("jiandu.test");
        assertEquals(HealthState.DEGRADED, h.state());
        assertEquals(4, h.reasons().size());
        assertEquals(PID, h.details().get("pid"));
    }

    @Test
    void aBadEntryOfAListIsReportedWithTheListAsWritten() {
        ConfigReader r = ConfigReader.of(PID, Map.of("types", new String[] {"京0105", "京0106=p"}), Sample.class);
        r.problem("types", "entry \"京0105\" is not COURT=PERSON");
        assertEquals("Configuration org.jiandu.test: types = [京0105, 京0106=p] refused: entry \"京0105\" is not"
                + " COURT=PERSON", r.report().messages().get(0).replaceAll("; using.*", ""));
    }

    @Test
    void aNumberOutsideTheLawsBoundsIsRefusedNamingThem() {
        ConfigReader r = ConfigReader.of(PID, Map.of("period.amount", 91), Sample.class);
        assertEquals(5, r.integer("period.amount", 1, 90, "Art. 17: at most 90 days"));
        assertTrue(r.report().messages().get(0).contains("must be 1–90 (Art. 17: at most 90 days)"),
                r.report().messages().toString());
    }

    @Test
    void anUnsetKeyIsItsDefaultAndUp() {
        ConfigReader r = ConfigReader.of(PID, Map.of(), Sample.class);
        assertEquals(5, r.integer("period.amount", 1, 100, ""));
        assertEquals("x", r.parsed("my-key", s -> s));
        assertEquals(HealthState.UP, r.report().health("jiandu.test").state());
    }

    @Test
    void propertyNamesFollowTheDeclarativeServicesMapping() {
        assertEquals("period.amount", ConfigReader.propertyName("period_amount"));
        assertEquals("my-key", ConfigReader.propertyName("my$_$key"));
        assertEquals("a_b", ConfigReader.propertyName("a__b"));
        assertEquals("a$b", ConfigReader.propertyName("a$$b"));
    }

    @Test
    void aTypedConfigurationBecomesItsProperties() {
        Sample defaults = (Sample) java.lang.reflect.Proxy.newProxyInstance(Sample.class.getClassLoader(),
                new Class<?>[] {Sample.class}, (p, m, a) -> m.getDefaultValue());
        Map<String, Object> props = ConfigReader.propertiesOf(defaults);
        assertEquals(5, props.get("period.amount"));
        assertEquals("WD", props.get("period.unit"));
    }
}
