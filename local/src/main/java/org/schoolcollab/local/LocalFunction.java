package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import org.schoolcollab.local.template.FunctionDefinition;
import org.schoolcollab.local.template.SamTemplate;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * One function of the template, hosted like a warm Lambda container: the real handler class, created on first
 * use with its no-argument constructor, fed JSON through the Lambda runtime's own serialisers.
 */
final class LocalFunction {
    private final FunctionDefinition definition;
    private volatile RequestHandler<Object, Object> handler;
    private PojoSerializer<Object> input;
    private PojoSerializer<Object> output;

    LocalFunction(FunctionDefinition definition) {
        this.definition = definition;
    }

    String id() {
        return definition.id();
    }

    FunctionDefinition definition() {
        return definition;
    }

    /** The function's ARN as Lambda names it (unqualified). */
    static String arn(String functionId) {
        return "arn:aws:lambda:" + SamTemplate.REGION + ":" + SamTemplate.ACCOUNT + ":function:" + functionId;
    }

    /** The error Lambda reports for a failed invocation: the first cause with a message of its own. */
    static Throwable reported(Throwable error) {
        Throwable cause = error;
        while (cause instanceof RuntimeException && cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Invokes with an event as Lambda would send it; returns the handler's response as Lambda would return it. */
    String invoke(String eventJson) {
        RequestHandler<Object, Object> h = handler();
        Object event = input.fromJson(eventJson);
        Object response = h.handleRequest(event, new LocalContext(definition.id(), 20));
        if (response == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> handler() {
        if (handler == null) {
            synchronized (this) {
                if (handler == null) {
                    try {
                        Class<?> type = Class.forName(definition.handlerClass());
                        Type[] io = requestHandlerTypes(type);
                        input = serializer(rawClass(io[0]));
                        output = serializer(rawClass(io[1]));
                        handler = (RequestHandler<Object, Object>) type.getConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot create handler " + definition.handler(), e);
                    }
                }
            }
        }
        return handler;
    }

    /** The I and O of RequestHandler<I, O>, found on the class or its superclasses. */
    static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " does not implement RequestHandler<I, O>");
    }

    /** A handler's I or O as a class: Map&lt;String, Object&gt; as Map, as the runtime's Jackson reads and writes it. */
    @SuppressWarnings("unchecked")
    private static Class<Object> rawClass(Type type) {
        return (Class<Object>) (type instanceof ParameterizedType p ? p.getRawType() : type);
    }

    /** The runtime's choice: the event-specific serialiser for AWS event types, else its Jackson factory. */
    private static PojoSerializer<Object> serializer(Class<Object> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
