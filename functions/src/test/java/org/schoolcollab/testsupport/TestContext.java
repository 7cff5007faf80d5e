package org.schoolcollab.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Lambda runtime's Context for a test invocation; it keeps what the handler logged so tests can read it. */
public final class TestContext implements Context {
    private final String requestId;
    private final String functionName;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public TestContext(String functionName) {
        this(functionName, UUID.randomUUID().toString());
    }

    public TestContext(String functionName, String requestId) {
        this.functionName = functionName;
        this.requestId = requestId;
    }

    /** Every logged line as "LEVEL message" (UNDEFINED when the handler gave no level). */
    public List<String> logLines() {
        return List.copyOf(lines);
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/school-collab/test/" + functionName; }
    @Override public String getLogStreamName() { return "2026/03/02/[$LATEST]test"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:ap-southeast-2:123456789012:function:" + functionName;
    }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 20_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message, LogLevel.UNDEFINED);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
            }

            @Override
            public void log(String message, LogLevel level) {
                lines.add(level + " " + message);
            }
        };
    }
}
