package org.schoolcollab.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.schoolcollab.local.template.FunctionDefinition;
import org.schoolcollab.local.template.HttpRoute;
import org.schoolcollab.local.template.SamTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's two tables, route -> handler -> service -> tests and function -> handler -> reaction -> tests, name
 * what the template and the code really hold: a newcomer who follows a row finds each file and each method.
 */
class ReadmeMatchesCodeUnitTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path MAIN = ROOT.resolve("functions/src/main/java/org/schoolcollab");
    private static final Path TESTS = ROOT.resolve("functions/src/test/java/org/schoolcollab");
    /** | `what` | `Handler` | `feature/Class.method` | `TestA`, `TestB` | */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)`(?:, [^|]+)? \\| `(\\w+)` \\| `(\\w+)/(\\w+)\\.(\\w+)` \\| ((?:`\\w+`(?:, )?)+) \\|$");

    private record Row(String key, String handler, String feature, String type, String method, List<String> tests) {}

    private static List<Row> routes;
    private static List<Row> reactions;
    private static SamTemplate template;

    @BeforeAll
    static void read() throws IOException {
        template = SamTemplate.load(ROOT.resolve("template.yaml"));
        routes = new ArrayList<>();
        reactions = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            List<String> tests = Stream.of(m.group(6).split(", ")).map(t -> t.replace("`", "")).toList();
            Row row = new Row(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), tests);
            (row.key().contains(" /") ? routes : reactions).add(row);
        }
    }

    @Test
    void everyRouteOfTheTemplateHasOneRowNamingItsHandler() {
        Map<String, String> handlerByRoute = new HashMap<>();
        for (FunctionDefinition f : template.functions()) {
            for (HttpRoute r : f.routes()) {
                handlerByRoute.put(r.routeKey(), simpleName(f.handlerClass()));
            }
        }
        assertThat(routes).extracting(Row::key).containsExactlyInAnyOrderElementsOf(handlerByRoute.keySet());
        assertThat(routes).allSatisfy(r -> assertThat(r.handler()).as(r.key()).isEqualTo(handlerByRoute.get(r.key())));
    }

    @Test
    void everyFunctionOfTheTemplateWithoutARouteHasOneRowNamingItsHandler() {
        Map<String, String> handlerByFunction = new HashMap<>();
        for (FunctionDefinition f : template.functions()) {
            if (f.routes().isEmpty()) {
                handlerByFunction.put(f.id(), simpleName(f.handlerClass()));
            }
        }
        assertThat(reactions).extracting(Row::key).containsExactlyInAnyOrderElementsOf(handlerByFunction.keySet());
        assertThat(reactions).allSatisfy(r -> assertThat(r.handler()).as(r.key()).isEqualTo(handlerByFunction.get(r.key())));
    }

    @Test
    void eachHandlerCallsTheServiceMethodItsRowNames() throws IOException {
        for (Row r : rows()) {
            String kind = routes.contains(r) ? "http" : "events";
            String handler = Files.readString(MAIN.resolve("handlers/" + kind + "/" + r.handler() + ".java"));
            Path service = MAIN.resolve(r.feature() + "/" + r.type() + ".java");
            assertThat(service).as(r.key()).exists();
            assertThat(Files.readString(service)).as(r.key())
                    .containsPattern("public [\\w.<>, ]+ " + r.method() + "\\(");
            assertThat(handler).as(r.key()).contains("import org.schoolcollab." + r.feature() + "." + r.type() + ";")
                    .contains("." + r.method() + "(");
        }
    }

    @Test
    void theTestsEachRowNamesExist() throws IOException {
        List<String> testFiles;
        try (Stream<Path> walk = Files.walk(TESTS)) {
            testFiles = walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - 5)).toList();
        }
        assertThat(rows()).allSatisfy(r -> assertThat(testFiles).as(r.key()).containsAll(r.tests()));
    }

    private static List<Row> rows() {
        List<Row> all = new ArrayList<>(routes);
        all.addAll(reactions);
        assertThat(all).as("the README's tables").hasSizeGreaterThan(10);
        return all;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
