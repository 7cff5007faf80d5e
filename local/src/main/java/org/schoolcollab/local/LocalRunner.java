package org.schoolcollab.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole application on one machine: DynamoDB Local, the template's routes behind a local JWT authorizer,
 * its stream triggers, and an outbox for mail. Everything it runs is read from template.yaml.
 *
 * <pre>./run-local [--port 3000] [--data-dir .local-data] [--fresh] [--in-memory] [--param Name=Value]</pre>
 */
public final class LocalRunner implements AutoCloseable {

    public record Options(int port, Path dataDir, boolean fresh, boolean inMemory, Path template,
                          Map<String, String> parameters) {
        public static Options defaults() {
            return new Options(3000, Path.of(".local-data"), false, false, Path.of("template.yaml"), Map.of());
        }

        static Options parse(String[] args) {
            Options o = defaults();
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> o = new Options(Integer.parseInt(args[++i]), o.dataDir, o.fresh, o.inMemory, o.template, params);
                    case "--data-dir" -> o = new Options(o.port, Path.of(args[++i]), o.fresh, o.inMemory, o.template, params);
                    case "--fresh" -> o = new Options(o.port, o.dataDir, true, o.inMemory, o.template, params);
                    case "--in-memory" -> o = new Options(o.port, o.dataDir, o.fresh, true, o.template, params);
                    case "--template" -> o = new Options(o.port, o.dataDir, o.fresh, o.inMemory, Path.of(args[++i]), params);
                    case "--param" -> {
                        String[] kv = args[++i].split("=", 2);
                        params.put(kv[0], kv.length > 1 ? kv[1] : "");
                    }
                    case "-h", "--help" -> {
                        System.out.println("usage: ./run-local [--port 3000] [--data-dir .local-data] [--fresh] "
                                + "[--in-memory] [--template template.yaml] [--param Name=Value ...]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
                }
            }
            return new Options(o.port, o.dataDir, o.fresh, o.inMemory, o.template, params);
        }
    }

    private final LocalDynamoDb dynamo;
    private final HttpGateway gateway;
    private final List<StreamPoller> pollers;
    private final Path stateDir;
    private final boolean temporaryState;

    private LocalRunner(LocalDynamoDb dynamo, HttpGateway gateway, List<StreamPoller> pollers, Path stateDir,
                        boolean temporaryState) {
        this.dynamo = dynamo;
        this.gateway = gateway;
        this.pollers = pollers;
        this.stateDir = stateDir;
        this.temporaryState = temporaryState;
    }

    public static LocalRunner start(Options options) throws Exception {
        SamTemplate template = SamTemplate.load(options.template(), options.parameters());
        boolean temporary = options.inMemory();
        Path state = temporary ? Files.createTempDirectory("school-collab-local") : options.dataDir().toAbsolutePath();
        if (options.fresh() && !temporary) {
            deleteRecursively(state);
        }
        Files.createDirectories(state);

        LocalDynamoDb dynamo = LocalDynamoDb.start(temporary ? null : state.resolve("dynamodb"));
        try {
            template.tableIds().forEach(id -> dynamo.ensureTable(template.table(id)));
            Outbox outbox = new Outbox(state.resolve("outbox"));
            configureFunctions(template, dynamo, outbox);
            List<LocalFunction> functions = template.functions().stream().map(LocalFunction::new).toList();
            LocalJwt jwt = LocalJwt.create(temporary ? null : state);
            HttpGateway gateway = new HttpGateway(options.port(), functions, jwt, outbox);
            List<StreamPoller> pollers = new ArrayList<>();
            for (LocalFunction f : functions) {
                for (SamTemplate.StreamSource s : f.definition().streams()) {
                    pollers.add(new StreamPoller(s, f, dynamo, state));
                }
            }
            return new LocalRunner(dynamo, gateway, pollers, state, temporary);
        } catch (Exception e) {
            dynamo.close();
            throw e;
        }
    }

    /**
     * Lambda gives each function its environment; here all share one JVM, so the template's variables become
     * system properties (functions read both). Local values replace AWS ones: the table's endpoint, the outbox.
     */
    private static void configureFunctions(SamTemplate template, LocalDynamoDb dynamo, Outbox outbox) {
        System.setProperty("aws.region", SamTemplate.REGION);
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("aws.endpointUrl", dynamo.endpoint().toString());
        Map<String, String> merged = new LinkedHashMap<>();
        for (SamTemplate.Function f : template.functions()) {
            f.environment().forEach((name, value) -> {
                if (name.startsWith("JAVA_")) {
                    return;
                }
                String previous = merged.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    System.err.println("warning: " + name + " differs between functions; the local runner uses " + previous);
                }
            });
        }
        merged.put("MAIL_ADAPTER", "outbox");
        merged.put("OUTBOX_DIR", outbox.dir().toString());
        merged.forEach(System::setProperty);
    }

    LocalDynamoDb dynamo() {
        return dynamo;
    }

    public int port() {
        return gateway.port();
    }

    public Path stateDir() {
        return stateDir;
    }

    public List<String> routeKeys() {
        return gateway.routeKeys();
    }

    /** On-failure records of every stream source, as Lambda would send them to the SQS destination. */
    public List<com.fasterxml.jackson.databind.JsonNode> streamFailures() {
        return pollers.stream().flatMap(p -> p.failures().stream()).toList();
    }

    @Override
    public void close() {
        gateway.close();
        pollers.forEach(StreamPoller::close);
        dynamo.close();
        if (temporaryState) {
            try {
                deleteRecursively(stateDir);
            } catch (IOException e) {
                System.err.println("could not delete " + stateDir + ": " + e);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Options options = Options.parse(args);
        LocalRunner runner = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the local runner");
            runner.close();
        }));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String base = "http://localhost:" + runner.port();
        System.out.println();
        for (String route : runner.routeKeys()) {
            System.out.println("  route   " + route);
        }
        runner.pollers.forEach(p -> System.out.println("  stream  " + StreamPoller.describe(List.of(p))));
        System.out.println("  tokens  POST " + base + "/local/tokens");
        System.out.println("  outbox  GET  " + base + "/local/outbox");
        System.out.println("  data    " + (runner.temporaryState ? "in memory (gone on exit)" : runner.stateDir));
        System.out.printf("school-collab local runner ready on %s in %.1f s (Ctrl-C stops)%n", base, millis / 1000.0);
    }
}
