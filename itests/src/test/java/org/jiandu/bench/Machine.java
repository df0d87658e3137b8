package org.jiandu.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the machine is and what it is doing: CPU, disk flushes, memory, from /proc (Linux only). */
final class Machine {
    private static final long CLK_TCK = 100; // USER_HZ on Linux x86-64

    private Machine() {
    }

    /** user + system CPU of a process in ms; -1 when unreadable. */
    static long processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 1000 / CLK_TCK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU of the JIT compiler threads (C1, C2) of a JVM in ms, from /proc/&lt;pid&gt;/task; -1 when unreadable. */
    static long jitCpuMillis(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C2 Compiler") || comm.startsWith("C1 Compiler")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // thread gone
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * 1000 / CLK_TCK;
    }

    /** CPU time of this (client) JVM in ms. */
    static long ownCpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return TimeUnit.NANOSECONDS.toMillis(sun.getProcessCpuTime());
        }
        return -1;
    }

    /** A snapshot of machine-wide counters, to report what a phase spent. */
    record Snapshot(long nanos, long[] cpu, long[] disk, long karafCpuMs, long clientCpuMs, long jitCpuMs) {
        static Snapshot take(long karafPid, String device) {
            return new Snapshot(System.nanoTime(), cpuTicks(), diskStats(device), processCpuMillis(karafPid),
                    ownCpuMillis(), jitCpuMillis(karafPid));
        }

        /** Cores Karaf's JIT compiler threads used between this snapshot and {@code end}. */
        double jitCores(Snapshot end) {
            return Math.max(0, end.jitCpuMs - jitCpuMs) / 1000.0 / ((end.nanos - nanos) / 1e9);
        }

        /** Cores used by processes other than Karaf and this client between this snapshot and {@code end}. */
        double otherCores(Snapshot end) {
            if (cpu == null || end.cpu == null) {
                return 0;
            }
            long total = 0;
            for (int i = 0; i < cpu.length; i++) {
                total += end.cpu[i] - cpu[i];
            }
            double secs = (end.nanos - nanos) / 1e9;
            double busy = (total - (end.cpu[3] - cpu[3]) - (end.cpu[4] - cpu[4])) / (double) CLK_TCK / secs;
            double ours = Math.max(0, end.karafCpuMs - karafCpuMs) / 1000.0 / secs
                    + Math.max(0, end.clientCpuMs - clientCpuMs) / 1000.0 / secs;
            return Math.max(0, busy - ours);
        }

        /** "Karaf 1.62 cores, client 0.31 cores; machine: user 71% sys 18% iowait 4% idle 7%; disk 1,950 flush/s". */
        String describe(Snapshot end) {
            double secs = (end.nanos - nanos) / 1e9;
            StringBuilder b = new StringBuilder();
            if (karafCpuMs >= 0 && end.karafCpuMs >= 0) {
                b.append(String.format("Karaf %.2f cores (JIT compiler %.2f)", (end.karafCpuMs - karafCpuMs) / 1000.0
                        / secs, jitCores(end)));
            }
            if (clientCpuMs >= 0) {
                b.append(String.format(", client %.2f cores", (end.clientCpuMs - clientCpuMs) / 1000.0 / secs));
            }
            if (cpu != null && end.cpu != null) {
                long[] d = new long[cpu.length];
                long total = 0;
                for (int i = 0; i < cpu.length; i++) {
                    d[i] = end.cpu[i] - cpu[i];
                    total += d[i];
                }
                if (total > 0) {
                    // what the machine's busy time leaves after Karaf and this client: bin/client, other tenants
                    b.append(String.format(", other processes %.2f cores", otherCores(end)));
                    // user nice system idle iowait irq softirq steal
                    b.append(String.format("; machine user %d%% sys %d%% iowait %d%% idle %d%% steal %d%%",
                            100 * (d[0] + d[1]) / total, 100 * (d[2] + d[5] + d[6]) / total, 100 * d[4] / total,
                            100 * d[3] / total, 100 * d[7] / total));
                }
            }
            if (disk != null && end.disk != null) {
                b.append(String.format("; disk %.0f writes/s, %.1f MB/s written, %.0f flushes/s",
                        (end.disk[0] - disk[0]) / secs, (end.disk[1] - disk[1]) * 512 / 1e6 / secs,
                        (end.disk[2] - disk[2]) / secs));
            }
            return b.toString();
        }
    }

    /** The first 8 counters of the "cpu" line of /proc/stat. */
    static long[] cpuTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Long.parseLong(f[i + 1]);
            }
            return v;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** writes completed, sectors written, flushes completed of a block device from /proc/diskstats. */
    static long[] diskStats(String device) {
        if (device == null) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/diskstats"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[2].equals(device)) {
                    long flushes = f.length >= 19 ? Long.parseLong(f[18]) : 0;
                    return new long[] {Long.parseLong(f[7]), Long.parseLong(f[9]), flushes};
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable
        }
        return null;
    }

    /** The block device (e.g. vda) holding a directory, by {@code df}; null when unknown. */
    static String deviceOf(Path dir) {
        String out = run(List.of("df", "--output=source", dir.toString()));
        String[] lines = out.trim().split("\n");
        String source = lines[lines.length - 1].trim();
        if (!source.startsWith("/dev/")) {
            return null;
        }
        String dev = source.substring(5);
        return Files.exists(Path.of("/sys/class/block", dev)) ? dev : null;
    }

    /** write(4 KiB) + fsync per iteration in {@code dir}: the durable-commit ceiling of the disk for one writer. */
    static double fsyncPerSecond(Path dir, int iterations) throws IOException {
        Path f = Files.createTempFile(dir, "fsync-probe", ".bin");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            byte[] block = new byte[4096];
            long t0 = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                raf.write(block);
                raf.getFD().sync();
            }
            return iterations / ((System.nanoTime() - t0) / 1e9);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    static String describe(Path workdir) {
        String mem = run(List.of("free", "-g")).trim();
        String disk = run(List.of("df", "-h", "--output=source,fstype,size,avail", workdir.toString())).trim();
        String cpuModel = "";
        try {
            cpuModel = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException e) {
            // not Linux
        }
        return "nproc: " + run(List.of("nproc")).trim() + " (" + cpuModel + ")\n"
                + "free -g:\n" + mem + "\n"
                + "java -version (client and Karaf, JAVA_HOME=" + System.getProperty("java.home") + "):\n"
                + run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")).trim()
                + "\n"
                + "kernel: " + run(List.of("uname", "-srm")).trim() + "\n"
                + "disk of the benchmark copy:\n" + disk;
    }

    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "(" + cmd.get(0) + " unavailable: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
