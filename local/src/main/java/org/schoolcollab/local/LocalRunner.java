package org.schoolcollab.local;

import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.local.template.StreamSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * The whole application on one machine: DynamoDB Local, S3 (S3Proxy), the template's routes behind a local JWT
 * authorizer, its stream and S3 triggers, its schedules (fired on demand), and an outbox for mail. Everything it runs is read from template.yaml.
 *
 * <pre>./run-local [--port 3000] [--s3-port N] [--data-dir .local-data] [--fresh] [--in-memory] [--param Name=Value]</pre>
 */
public final class LocalRunner implements AutoCloseable {

    /** s3Port 0: a free port, the same for every runner this JVM starts. */
    public record Options(int port, Path dataDir, boolean fresh, boolean inMemory, Path template,
                          Map<String, String> parameters, int s3Port) {
        public Options(int port, Path dataDir, boolean fresh, boolean inMemory, Path template,
                       Map<String, String> parameters) {
            this(port, dataDir, fresh, inMemory, template, parameters, 0);
        }

        public static Options defaults() {
            return new Options(3000, Path.of(".local-data"), false, false, Path.of("template.yaml"), Map.of());
        }

        static Options parse(String[] args) {
            Options o = defaults();
            int s3Port = 0;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> o = new Options(Integer.parseInt(args[++i]), o.dataDir, o.fresh, o.inMemory, o.template, params);
                    case "--data-dir" -> o = new Options(o.port, Path.of(args[++i]), o.fresh, o.inMemory, o.template, params);
                    case "--fresh" -> o = new Options(o.port, o.dataDir, true, o.inMemory, o.template, params);
                    case "--in-memory" -> o = new Options(o.port, o.dataDir, o.fresh, true, o.template, params);
                    case "--template" -> o = new Options(o.port, o.dataDir, o.fresh, o.inMemory, Path.of(args[++i]), params);
                    case "--s3-port" -> s3Port = Integer.parseInt(args[++i]);
                    case "--param" -> {
                        String[] kv = args[++i].split("=", 2);
                        params.put(kv[0], kv.length > 1 ? kv[1] : "");
                    }
                    case "-h", "--help" -> {
                        System.out.println("usage: ./run-local [--port 3000] [--s3-port N (default: a free port)] "
                                + "[--data-dir .local-data] [--fresh] [--in-memory] [--template template.yaml] "
                                + "[--param Name=Value ...]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
                }
            }
            return new Options(o.port, o.dataDir, o.fresh, o.inMemory, o.template, params, s3Port);
        }
    }

    private final LocalDynamoDb dynamo;
    private final LocalS3 s3;
    private final S3EventSource s3Events;
    private final ScheduleTrigger schedules;
    private final HttpGateway gateway;
    private final List<StreamPoller> pollers;
    private final Path stateDir;
    private final boolean temporaryState;

    private LocalRunner(LocalDynamoDb dynamo, LocalS3 s3, S3EventSource s3Events, ScheduleTrigger schedules,
                        HttpGateway gateway, List<StreamPoller> pollers, Path stateDir, boolean temporaryState) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.s3Events = s3Events;
        this.schedules = schedules;
        this.gateway = gateway;
        this.pollers = pollers;
        this.stateDir = stateDir;
        this.temporaryState = temporaryState;
    }

    public static LocalRunner start(Options options) throws Exception {
        skipJmx();
        SamTemplate template = SamTemplate.load(options.template(), options.parameters());
        boolean temporary = options.inMemory();
        Path state = temporary ? Files.createTempDirectory("school-collab-local") : options.dataDir().toAbsolutePath();
        if (options.fresh() && !temporary) {
            deleteRecursively(state);
        }
        Files.createDirectories(state);

        List<LocalFunction> functions = template.functions().stream().map(LocalFunction::new).toList();
        S3EventSource s3Events = new S3EventSource(functions, state);
        ScheduleTrigger schedules = new ScheduleTrigger(functions, state);
        // The two emulators start side by side: S3 on its own thread while DynamoDB Local starts on this one.
        CompletableFuture<LocalS3> s3Start = new CompletableFuture<>();
        Thread.ofPlatform().name("s3-start").start(() -> {
            try {
                s3Start.complete(LocalS3.start(state.resolve("s3"), options.s3Port(), s3Events::objectCreated));
            } catch (Throwable t) {
                s3Start.completeExceptionally(t);
            }
        });
        LocalDynamoDb dynamo = null;
        LocalS3 s3 = null;
        List<StreamPoller> pollers = new ArrayList<>();
        try {
            dynamo = LocalDynamoDb.start(temporary ? null : state.resolve("dynamodb"));
            s3 = awaitStart(s3Start);
            for (String id : template.tableIds()) {
                dynamo.ensureTable(template.table(id));
            }
            for (String id : template.bucketIds()) {
                s3.ensureBucket(SamTemplate.bucketName(id), template.bucketVersioned(id));
            }
            Outbox outbox = new Outbox(state.resolve("outbox"));
            FunctionEnvironment.configure(template, dynamo, s3, outbox);
            LocalJwt jwt = LocalJwt.create(temporary ? null : state);
            // The front end is served from the built site beside the template (web/dist), as CloudFront serves it.
            Path templateDir = options.template().toAbsolutePath().getParent();
            StaticSite site = new StaticSite(templateDir.resolve("web").resolve("dist"), s3.endpoint().toString());
            HttpGateway gateway = new HttpGateway(options.port(), functions, jwt, outbox, site, schedules);
            FunctionEnvironment.webOrigin(origin(gateway.port()));
            for (LocalFunction f : functions) {
                for (StreamSource s : f.definition().streams()) {
                    pollers.add(new StreamPoller(s, f, dynamo, state));
                }
            }
            return new LocalRunner(dynamo, s3, s3Events, schedules, gateway, pollers, state, temporary);
        } catch (Exception e) {
            pollers.forEach(StreamPoller::close);
            s3Events.close();
            if (s3 == null) {
                try {
                    s3 = awaitStart(s3Start);
                } catch (Exception ignored) {
                    // it did not start either
                }
            }
            if (s3 != null) {
                s3.close();
            }
            if (dynamo != null) {
                dynamo.close();
            }
            throw e;
        }
    }

    /**
     * Nothing here uses JMX, but starting the platform MBean server costs the runner's start a few hundred
     * milliseconds: DynamoDB Local's log4j registers its loggers there unless told not to, and Jetty (DynamoDB
     * Local's, and S3Proxy's shaded copy) asks it once whether references are compressed. Telling Jetty the answer
     * (16 references per 64-byte cache line: compressed, the default below 32 GB of heap) skips that; it only sizes
     * padding in Jetty's queues.
     */
    private static void skipJmx() {
        setIfAbsent("log4j2.disable.jmx", "true");
        setIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        setIfAbsent("org.gaul.shaded.org.eclipse.jetty.util.referencesPerCacheLine", "16");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static LocalS3 awaitStart(CompletableFuture<LocalS3> start) throws Exception {
        try {
            return start.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    LocalDynamoDb dynamo() {
        return dynamo;
    }

    /** S3's address, as functions, presigned URLs and this machine's browser use it. */
    public java.net.URI s3Endpoint() {
        return s3.endpoint();
    }

    public int port() {
        return gateway.port();
    }

    /** The gateway's origin, which functions get as WEB_ORIGIN for links in mails. */
    public String origin() {
        return origin(port());
    }

    private static String origin(int port) {
        return "http://localhost:" + port;
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

    /** On-failure records of S3 events whose asynchronous invocations failed every attempt. */
    public List<com.fasterxml.jackson.databind.JsonNode> s3EventFailures() {
        return s3Events.failures();
    }

    /** Dead-letter messages of schedules fired on demand whose every attempt failed. */
    public List<com.fasterxml.jackson.databind.JsonNode> scheduleDeadLetters() {
        return schedules.deadLetters();
    }

    @Override
    public void close() {
        gateway.close();
        pollers.forEach(StreamPoller::close);
        s3Events.close();
        s3.close();
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
        String base = runner.origin();
        System.out.println();
        for (String route : runner.routeKeys()) {
            System.out.println("  route   " + route);
        }
        runner.pollers.forEach(p -> System.out.println("  stream  " + StreamPoller.describe(List.of(p))));
        runner.s3Events.describe().forEach(s -> System.out.println("  s3 event " + s));
        runner.schedules.describe(base).forEach(s -> System.out.println("  schedule " + s));
        List<String> tables = runner.dynamo.tableNames();
        System.out.println("  dynamodb " + runner.dynamo.endpoint() + " (key local, secret local; "
                + (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables) + ")");
        System.out.println("  s3      " + runner.s3.endpoint() + " (path style, key local, secret local; buckets: "
                + String.join(", ", runner.s3.buckets()) + ")");
        System.out.println("  web     " + base + "/ " + (runner.gateway.site().built()
                ? "(from " + runner.gateway.site().root() + ")" : "(not built: npm ci --prefix web && npm run build --prefix web)"));
        System.out.println("  tokens  POST " + base + "/local/tokens");
        System.out.println("  outbox  GET  " + base + "/local/outbox");
        System.out.println("  data    " + (runner.temporaryState ? "in memory (gone on exit)" : runner.stateDir));
        System.out.printf("school-collab local runner ready on %s in %.1f s (Ctrl-C stops)%n", base, millis / 1000.0);
    }
}
