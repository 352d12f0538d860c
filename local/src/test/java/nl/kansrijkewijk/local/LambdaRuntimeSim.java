package nl.kansrijkewijk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda Java runtime does with a handler, run in a child JVM whose classpath is only the deployment
 * jar plus the runtime's serializer: instantiate the handler class by name with its no-arg constructor
 * (configuration from environment variables), deserialize the event JSON for the handler's input type, call it.
 * Usage: LambdaRuntimeSim HANDLER_CLASS EVENT_JSON_FILE
 */
public final class LambdaRuntimeSim {
    private LambdaRuntimeSim() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        Class<?> input = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2) {
                input = m.getParameterTypes()[0];
            }
        }
        Object event = LambdaEventSerializers.serializerFor(input, type.getClassLoader())
                .fromJson(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        Object result = ((RequestHandler) handler).handleRequest(event, null);
        System.out.println("RESULT " + result);
    }
}
