package nl.kansrijkewijk.local.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name=value lines a probe prints for ./kw bench to parse. */
final class ProbeOutput {
    private ProbeOutput() {}

    static void print(String name, Object value) {
        System.out.println("probe." + name + "=" + value);
    }

    static double ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    /** Peak resident memory of this process in kB (the kernel's high-water mark), -1 where /proc is absent. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
