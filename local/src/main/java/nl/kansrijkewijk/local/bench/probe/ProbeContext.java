package nl.kansrijkewijk.local.bench.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** A Lambda context with the deployed timeout, for handlers that read their time budget from it. */
final class ProbeContext implements Context {
    private final long deadlineNanos;
    private final int memoryMb;

    /** Memory and timeout as Lambda states them in its environment; 1024 MB and 60 s when absent. */
    static ProbeContext fromEnvironment() {
        return new ProbeContext(envInt("KW_BENCH_TIMEOUT_S", 60) * 1000L, envInt("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", 1024));
    }

    ProbeContext(long timeoutMillis, int memoryMb) {
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.memoryMb = memoryMb;
    }

    private static int envInt(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    @Override public String getAwsRequestId() { return "bench"; }
    @Override public String getLogGroupName() { return "/aws/lambda/bench"; }
    @Override public String getLogStreamName() { return "bench"; }
    @Override public String getFunctionName() { return "bench"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:bench"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return memoryMb; }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { System.err.println(message); }
            @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
        };
    }
}
