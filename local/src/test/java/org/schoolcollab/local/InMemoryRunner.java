package org.schoolcollab.local;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * One in-memory local runner per test class, started from the repository's template.yaml on a free port, with a
 * {@link LocalApi} for it: the set-up the end-to-end tests shared, copied, in their own {@code @BeforeAll}/{@code @AfterAll}.
 * Register it as {@code @RegisterExtension static final InMemoryRunner RUNNER = new InMemoryRunner();}; on a static
 * field its {@code beforeAll} runs before the class's own {@code @BeforeAll} methods (which may use {@link #api()}),
 * and its {@code afterAll} after the class's {@code @AfterAll} methods.
 * Tests that need a data dir, a restart or another template start their runner themselves.
 */
final class InMemoryRunner implements BeforeAllCallback, AfterAllCallback {
    private LocalRunner runner;
    private LocalApi api;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path root = Path.of(System.getProperty("project.root", ".."));
        runner = LocalRunner.start(new LocalRunner.Options(0, null, false, true, root.resolve("template.yaml"), Map.of()));
        api = new LocalApi(runner.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (runner != null) {
            runner.close();
            runner = null;
            api = null;
        }
    }

    LocalRunner runner() {
        if (runner == null) {
            throw new IllegalStateException("the runner is started in beforeAll: register InMemoryRunner on a static field");
        }
        return runner;
    }

    LocalApi api() {
        if (api == null) {
            throw new IllegalStateException("the runner is started in beforeAll: register InMemoryRunner on a static field");
        }
        return api;
    }
}
