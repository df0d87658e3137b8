package org.jiandu.ledger.internal.courts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.CourtLevel;
import org.jiandu.api.Roles;
import org.jiandu.api.court.Court;
import org.jiandu.api.court.CourtKind;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthState;
import org.jiandu.api.rest.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The court directory: the shipped file, scoping along the tree, refused lines, live reload. */
class CourtDirectoryTest {
    @TempDir
    Path dir;
    private CourtDirectoryService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.deactivate();
        }
    }

    private CourtDirectoryService shipped() {
        service = new CourtDirectoryService(dir.resolve("jiandu-courts.csv"), 3600);
        return service;
    }

    private CourtDirectoryService of(String... lines) throws Exception {
        Path f = dir.resolve("jiandu-courts.csv");
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        service = new CourtDirectoryService(f, 3600);
        return service;
    }

    @Test
    void theShippedDirectoryIsWrittenToEtcAndLoadsWithoutARefusedLine() {
        CourtDirectoryService s = shipped();
        assertTrue(Files.exists(dir.resolve("jiandu-courts.csv")));
        assertEquals(HealthState.UP, s.health().get(0).state(), s.health().toString());
        Court chaoyang = s.court("京0105").orElseThrow();
        assertEquals("北京市朝阳区人民法院", chaoyang.name());
        assertEquals("京03", chaoyang.parent());
        assertEquals(CourtLevel.BASIC, chaoyang.level());
        assertEquals(CourtKind.INTELLECTUAL_PROPERTY, s.court("京73").orElseThrow().kind());
        assertEquals(List.of("京0105"), s.procuratorate("京0105检").orElseThrow().courts());
    }

    @Test
    void everyCourtOfTheDemoAndTheTestsIsListed() {
        CourtDirectoryService s = shipped();
        for (String code : List.of("最高法", "京", "京01", "京0101", "京0105", "京0108", "京73", "沪", "沪01", "沪0115", "粤",
                "粤0304", "苏0508", "浙0106", "川0107", "鄂0102", "内01")) {
            assertTrue(s.court(code).isPresent(), code);
        }
    }

    @Test
    void anIntermediateCourtCoversItsBasicCourtsAndNotAnotherIntermediateCourts() {
        CourtDirectoryService s = shipped();
        assertTrue(s.covers("京03", "京0105"));
        // 京0105 is under 京03, although 京01 is the first Beijing intermediate court
        assertFalse(s.covers("京01", "京0105"));
        assertTrue(s.covers("京01", "京0108"));
        assertFalse(s.covers("京0105", "京03"));
    }

    @Test
    void aHighCourtCoversItsProvinceIncludingTheSpecialisedCourts() {
        CourtDirectoryService s = shipped();
        assertTrue(s.covers("京", "京0105"));
        assertTrue(s.covers("京", "京73"));
        assertTrue(s.covers("京", "京0491"));
        assertTrue(s.covers("京04", "京0491"));
        assertFalse(s.covers("京03", "京73"));
        assertFalse(s.covers("京", "沪0115"));
        assertTrue(s.covers("最高法", "沪0115"));
    }

    @Test
    void aProcuratorateCoversTheCourtsItIsPairedWith() {
        CourtDirectoryService s = shipped();
        assertTrue(s.covers("京0105检", "京0105"));
        assertFalse(s.covers("京0105检", "京0108"));
        assertEquals(Set.of("京03"), s.covered("京03检"));
    }

    @Test
    void aCourtMissingFromTheDirectoryKeepsTheRuleWithoutADirectory() {
        CourtDirectoryService s = shipped();
        assertTrue(s.covers("京0199", "京0199"));
        assertTrue(s.covers("京", "京0199"));
        assertFalse(s.covers("京03", "京0199"));
    }

    @Test
    void coveredListsTheSubtree() {
        assertEquals(Set.of("京03", "京0105"), shipped().covered("京03"));
    }

    @Test
    void aBadLineIsRefusedNamingTheFileAndTheLineAndTheOthersLoad() throws Exception {
        CourtDirectoryService s = of("# header", "court,最高法,最高人民法院,SUPREME,,ORDINARY",
                "court,京,北京市高级人民法院,PROVINCIAL,最高法,ORDINARY", "court,沪,上海市高级人民法院,HIGH,最高法,ORDINARY",
                "court,沪0115,上海市浦东新区人民法院,BASIC,沪01,ORDINARY", "court,沪,上海市高级人民法院,HIGH,最高法,ORDINARY",
                "procuratorate,沪检,上海市人民检察院,,沪;沪99", "bench,X,Y");
        List<String> reasons = s.health().get(0).reasons();
        assertEquals(HealthState.DEGRADED, s.health().get(0).state());
        String file = dir.resolve("jiandu-courts.csv").toString();
        assertTrue(reasons.get(0).startsWith(file + " line 3: level must be"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(file + " line 6: code 沪 is listed twice")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(file + " line 8: the first field")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(file + " line 5: parent 沪01")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith(file + " line 7: paired court 沪99")), reasons.toString());
        assertEquals(5, reasons.size(), reasons.toString());
        assertEquals(List.of("最高法", "沪"), s.courts().stream().map(Court::code).toList());
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        CourtDirectoryService s = of("court,最高法,最高人民法院,SUPREME,,ORDINARY");
        assertFalse(s.court("京").isPresent());
        Files.write(dir.resolve("jiandu-courts.csv"), List.of("court,最高法,最高人民法院,SUPREME,,ORDINARY",
                "court,京,北京市高级人民法院,HIGH,最高法,ORDINARY"), StandardCharsets.UTF_8);
        s.reloadIfChanged();
        assertEquals("北京市高级人民法院", s.name("京"));
    }

    @Test
    void aCallerWithTheDirectoryIsScopedAlongTheTree() {
        CourtDirectoryService s = shipped();
        Caller intermediate = new Caller("sup", Set.of(Roles.SUPERVISOR), "京03", s);
        assertTrue(intermediate.covers(CaseNumber.parse("（2024）京0105执1号")));
        assertFalse(intermediate.covers(CaseNumber.parse("（2024）京0108执1号")));
        // without the directory, as before: an intermediate court covers only itself
        assertFalse(new Caller("sup", Set.of(Roles.SUPERVISOR), "京03").covers(CaseNumber.parse("（2024）京0105执1号")));
    }

    // ---------------------------------------------------------------- configuration (ConfigReader's policy)

    @Test
    void theConfiguredFileAndPeriodAreUsedAndShownWithThePidInHealth() {
        Path f = dir.resolve("courts-elsewhere.csv");
        service = new CourtDirectoryService(Map.of("file", f.toString(), "reload.seconds", "20"));
        assertTrue(Files.exists(f), "the shipped directory written to the configured file");
        ComponentHealth h = service.health().get(0);
        assertEquals("jiandu.courts", h.component());
        assertEquals(HealthState.UP, h.state(), h.toString());
        assertEquals("org.jiandu.courts", h.details().get("pid"));
        Map<?, ?> config = (Map<?, ?>) h.details().get("config");
        assertEquals(f.toString(), config.get("file"));
        assertEquals(20, config.get("reload.seconds"));
        assertEquals("北京市朝阳区人民法院", service.court("京0105").orElseThrow().name());
    }

    @Test
    void aRelativeFileAndAPeriodOutOfBoundsAreRefusedNamingPidAndKeyAndTheDefaultsAreUsed() {
        service = new CourtDirectoryService(Map.of("file", "WX", "reload.seconds", "3601"));
        ComponentHealth h = service.health().get(0);
        assertEquals(HealthState.DEGRADED, h.state());
        assertEquals(2, h.reasons().size(), h.reasons().toString());
        assertTrue(h.reasons().get(0).startsWith("Configuration org.jiandu.courts: file = WX refused: must be an"
                + " absolute path"), h.reasons().toString());
        assertTrue(h.reasons().get(1).startsWith("Configuration org.jiandu.courts: reload.seconds = 3601 refused"),
                h.reasons().toString());
        assertEquals(10, ((Map<?, ?>) h.details().get("config")).get("reload.seconds"));
        assertFalse(Files.exists(Path.of("WX")), "nothing written relative to the working directory");
        // the default: without karaf.etc (a unit test) the shipped directory from the bundle
        assertEquals("北京市朝阳区人民法院", service.court("京0105").orElseThrow().name());
    }

    @Test
    void aDirectoryAsFileIsRefused() {
        service = new CourtDirectoryService(Map.of("file", dir.toString(), "reload.seconds", 0));
        List<String> reasons = service.health().get(0).reasons();
        assertTrue(reasons.get(0).contains("file = " + dir + " refused: is a directory"), reasons.toString());
        assertTrue(reasons.get(1).contains("reload.seconds = 0 refused"), reasons.toString());
        assertEquals(HealthState.DEGRADED, service.health().get(0).state());
    }
}
