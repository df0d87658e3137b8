package org.jiandu.ledger.internal.courts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.CourtLevel;
import org.jiandu.api.court.Court;
import org.jiandu.api.court.CourtKind;
import org.jiandu.api.court.Procuratorate;

/**
 * Reads the directory file ({@code etc/jiandu-courts.csv}, format in its header and in README "Courts and
 * organisations"). A line that does not fit is refused with a problem naming the file and the line; a line whose
 * parent was refused or is not listed is refused too, so the directory that loads is always a tree.
 */
final class CourtFile {

    /** What a file yields: the courts and procuratorates that loaded, and one sentence per refused line. */
    record Parsed(Map<String, Court> courts, Map<String, Procuratorate> procuratorates, List<String> problems) {
    }

    private record Line(int number, String[] fields) {
    }

    private CourtFile() {
    }

    static Parsed parse(List<String> lines, String fileName) {
        List<String> problems = new ArrayList<>();
        Map<String, Line> courtLines = new LinkedHashMap<>();
        Map<String, Court> courts = new LinkedHashMap<>();
        Map<String, Line> procLines = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            int n = i + 1;
            String[] f = raw.split(",", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
            }
            String problem = null;
            if ("court".equals(f[0])) {
                if (f.length != 6) {
                    problem = "a court line has 6 fields (court,code,name,level,parent,kind), this one " + f.length;
                } else if (codes.contains(f[1])) {
                    problem = "code " + f[1] + " is listed twice";
                } else {
                    problem = court(f, courts);
                    if (problem == null) {
                        codes.add(f[1]);
                        courtLines.put(f[1], new Line(n, f));
                    }
                }
            } else if ("procuratorate".equals(f[0])) {
                if (f.length != 5) {
                    problem = "a procuratorate line has 5 fields (procuratorate,code,name,parent,courts), this one "
                            + f.length;
                } else if (f[1].isEmpty() || f[2].isEmpty()) {
                    problem = "code and name must not be empty";
                } else if (!codes.add(f[1])) {
                    problem = "code " + f[1] + " is listed twice";
                } else {
                    procLines.put(f[1], new Line(n, f));
                }
            } else {
                problem = "the first field must be court or procuratorate, not \"" + f[0] + "\"";
            }
            if (problem != null) {
                problems.add(fileName + " line " + n + ": " + problem + "; the line is ignored");
            }
        }
        // parents: refuse a court whose parent is not listed (or was refused), until nothing changes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Court c : List.copyOf(courts.values())) {
                if (c.parent() != null && !courts.containsKey(c.parent())) {
                    courts.remove(c.code());
                    problems.add(fileName + " line " + courtLines.get(c.code()).number() + ": parent " + c.parent()
                            + " of court " + c.code() + " is not listed (or its line was refused); the line is ignored");
                    changed = true;
                }
            }
        }
        for (Court c : List.copyOf(courts.values())) {
            Set<String> seen = new HashSet<>();
            for (String p = c.code(); p != null; p = courts.containsKey(p) ? courts.get(p).parent() : null) {
                if (!seen.add(p)) {
                    courts.remove(c.code());
                    problems.add(fileName + " line " + courtLines.get(c.code()).number() + ": the parents of court "
                            + c.code() + " go round in a circle; the line is ignored");
                    break;
                }
            }
        }
        Map<String, Procuratorate> procs = new LinkedHashMap<>();
        for (Line l : procLines.values()) {
            String[] f = l.fields();
            List<String> paired = new ArrayList<>();
            String problem = null;
            for (String c : f[4].split(";")) {
                String code = c.strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (!courts.containsKey(code)) {
                    problem = "paired court " + code + " is not listed";
                    break;
                }
                paired.add(code);
            }
            if (problem == null && !f[3].isEmpty() && !procLines.containsKey(f[3])) {
                problem = "parent " + f[3] + " is not a listed procuratorate";
            }
            if (problem != null) {
                problems.add(fileName + " line " + l.number() + ": " + problem + "; the line is ignored");
            } else {
                procs.put(f[1], new Procuratorate(f[1], f[2], f[3].isEmpty() ? null : f[3], paired));
            }
        }
        return new Parsed(courts, procs, problems);
    }

    /** Adds the court of a 6-field line; answers the problem, or null. */
    private static String court(String[] f, Map<String, Court> courts) {
        if (f[1].isEmpty() || f[2].isEmpty()) {
            return "code and name must not be empty";
        }
        CourtLevel level;
        try {
            level = CourtLevel.valueOf(f[3]);
        } catch (IllegalArgumentException e) {
            return "level must be SUPREME, HIGH, INTERMEDIATE, BASIC or SPECIAL, not \"" + f[3] + "\"";
        }
        try {
            CourtKind.ofCode(f[5]);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (f[4].isEmpty() && level != CourtLevel.SUPREME) {
            return "only the Supreme People's Court has no parent; court " + f[1] + " needs one";
        }
        if (f[4].equals(f[1])) {
            return "court " + f[1] + " cannot be its own parent";
        }
        courts.put(f[1], courtOf(f));
        return null;
    }

    private static Court courtOf(String[] f) {
        return new Court(f[1], f[2], CourtLevel.valueOf(f[3]), f[4].isEmpty() ? null : f[4], CourtKind.ofCode(f[5]));
    }
}
