package nl.kansrijkewijk.local.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda Java runtime does in a fresh execution environment, timed: load the handler class by name and
 * call its no-arg constructor (Lambda's init phase), then deserialize each event JSON with the runtime's own
 * serializer and call the handler (the first one is the first invoke). More than one event makes it the training
 * run of a class-data archive.
 * Usage: ColdProbe HANDLER_CLASS EVENT_JSON...
 */
public final class ColdProbe {
    private ColdProbe() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long t1 = System.nanoTime();
        ProbeOutput.print("init_ms", ProbeOutput.ms(t0, t1));
        Class<?> input = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2) {
                input = m.getParameterTypes()[0];
            }
        }
        var serializer = LambdaEventSerializers.serializerFor(input, type.getClassLoader());
        for (int i = 1; i < args.length; i++) {
            long s = System.nanoTime();
            Object event = serializer.fromJson(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8));
            Object result = ((RequestHandler) handler).handleRequest(event, ProbeContext.fromEnvironment());
            long e = System.nanoTime();
            ProbeOutput.print(i == 1 ? "first_invoke_ms" : "invoke_ms." + i, ProbeOutput.ms(s, e));
            ProbeOutput.print(i == 1 ? "result" : "result." + i, result);
        }
        ProbeOutput.print("peak_rss_kb", ProbeOutput.peakRssKb());
    }
}
