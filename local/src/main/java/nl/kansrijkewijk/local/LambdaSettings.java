package nl.kansrijkewijk.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed function's JVM as Lambda's java21 runtime starts it: serial GC, CDS on when it can be, a maximum
 * heap of 85 % of the configured memory, plus the JAVA_TOOL_OPTIONS of template.yaml (read from the
 * AanvraagFunction's section, so a change to the template changes what ./kw bench measures).
 */
record LambdaSettings(int memoryMb, int timeoutS, String javaToolOptions) {
    private static final Pattern MEMORY = Pattern.compile("(?m)^\\s+MemorySize:\\s*(\\d+)");
    private static final Pattern TIMEOUT = Pattern.compile("(?m)^\\s+Timeout:\\s*(\\d+)");
    private static final Pattern TOOL_OPTIONS = Pattern.compile("(?m)^\\s+JAVA_TOOL_OPTIONS:\\s*\"?([^\"\\n]*)\"?");

    static LambdaSettings fromTemplate(Path template) throws IOException {
        String text = Files.readString(template);
        int start = text.indexOf("\n  AanvraagFunction:");
        String section = start < 0 ? text : text.substring(start);
        // The function's block ends at the next resource (two-space indent, then a name and a colon).
        Matcher end = Pattern.compile("\\n  [A-Za-z][A-Za-z0-9]*:").matcher(section);
        if (end.find(1)) {
            section = section.substring(0, end.start());
        }
        return new LambdaSettings(find(MEMORY, section, "1024"), find(TIMEOUT, section, "60"),
                findText(TOOL_OPTIONS, section, ""));
    }

    private static int find(Pattern p, String text, String fallback) {
        return Integer.parseInt(findText(p, text, fallback));
    }

    private static String findText(Pattern p, String text, String fallback) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).strip() : fallback;
    }

    int heapMb() {
        return memoryMb * 85 / 100;
    }

    /** The runtime's own flags; JAVA_TOOL_OPTIONS goes in through the environment, as in Lambda. */
    List<String> jvmFlags() {
        return new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xmx" + heapMb() + "m"));
    }

    /** What Lambda puts in a java21 function's environment that matters to the JVM and the function. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb));
        env.put("KW_BENCH_TIMEOUT_S", String.valueOf(timeoutS));
        return env;
    }
}
