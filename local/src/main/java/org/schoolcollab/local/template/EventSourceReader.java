package org.schoolcollab.local.template;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.schoolcollab.local.template.TemplateYaml.intValue;
import static org.schoolcollab.local.template.TemplateYaml.list;
import static org.schoolcollab.local.template.TemplateYaml.map;

/** One reader per SAM event type, so the runner fails at start on an event type it cannot run. */
final class EventSourceReader {
    /** Reads one event's Properties into its event source. */
    private interface Reader {
        EventSource read(String name, String functionId, Map<String, Object> properties);
    }

    private final SamTemplate template;
    private final Map<String, Reader> readers = Map.of(
            "HttpApi", this::httpRoute,
            "DynamoDB", this::streamSource,
            "S3", this::s3Source,
            "ScheduleV2", this::scheduleSource);

    EventSourceReader(SamTemplate template) {
        this.template = template;
    }

    EventSource read(String functionId, String name, Object raw) {
        Map<String, Object> event = map(raw, name);
        Map<String, Object> properties = map(event.getOrDefault("Properties", Map.of()), name + ".Properties");
        Reader reader = readers.get(String.valueOf(event.get("Type")));
        if (reader == null) {
            throw new IllegalArgumentException("the local runner does not support event type "
                    + event.get("Type") + " (" + functionId + "." + name + ")");
        }
        return reader.read(name, functionId, properties);
    }

    private HttpRoute httpRoute(String name, String functionId, Map<String, Object> ep) {
        Object auth = map(ep.getOrDefault("Auth", Map.of()), "Auth").get("Authorizer");
        return new HttpRoute(String.valueOf(ep.get("Method")).toUpperCase(), String.valueOf(ep.get("Path")), functionId,
                !"NONE".equals(auth) && template.defaultAuthorizer() != null);
    }

    private StreamSource streamSource(String name, String functionId, Map<String, Object> ep) {
        Object stream = ep.get("Stream");
        String tableId = null;
        if (stream instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2
                && "StreamArn".equals(att.get(1))) {
            tableId = String.valueOf(att.getFirst());
        }
        if (tableId == null) {
            throw new IllegalArgumentException(functionId + "." + name + ": Stream must be !GetAtt <Table>.StreamArn");
        }
        List<String> patterns = new ArrayList<>();
        Object criteria = ep.get("FilterCriteria");
        if (criteria != null) {
            for (Object f : list(map(criteria, "FilterCriteria").getOrDefault("Filters", List.of()))) {
                patterns.add(String.valueOf(map(f, "Filter").get("Pattern")));
            }
        }
        Object responseTypes = ep.getOrDefault("FunctionResponseTypes", List.of());
        Object destination = ep.get("DestinationConfig");
        return new StreamSource(name, functionId, tableId,
                intValue(ep.getOrDefault("BatchSize", 100)),
                intValue(ep.getOrDefault("MaximumRetryAttempts", -1)),
                Boolean.parseBoolean(String.valueOf(ep.getOrDefault("BisectBatchOnFunctionError", false))),
                list(responseTypes).contains("ReportBatchItemFailures"),
                List.copyOf(patterns),
                String.valueOf(ep.getOrDefault("StartingPosition", "TRIM_HORIZON")),
                destination != null);
    }

    private S3Source s3Source(String name, String functionId, Map<String, Object> ep) {
        String where = functionId + "." + name;
        Object bucket = ep.get("Bucket");
        String bucketId = bucket instanceof Map<?, ?> m && m.get("Ref") != null ? String.valueOf(m.get("Ref")) : null;
        if (bucketId == null || !template.isBucket(bucketId)) {
            throw new IllegalArgumentException(where + ": Bucket must be !Ref to an AWS::S3::Bucket of this template");
        }
        Object rawEvents = ep.get("Events");
        List<String> events = rawEvents instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : rawEvents == null ? List.of() : List.of(String.valueOf(rawEvents));
        if (events.isEmpty() || !events.stream().allMatch(e -> e.matches("s3:[A-Za-z]+(:(\\*|[A-Za-z]+))?"))) {
            throw new IllegalArgumentException(where + ": Events must be S3 event types like s3:ObjectCreated:*, got "
                    + rawEvents);
        }
        List<S3KeyRule> rules = new ArrayList<>();
        Object filter = ep.get("Filter");
        if (filter != null) {
            Object s3Key = map(filter, where + ".Filter").get("S3Key");
            Object ruleList = s3Key == null ? List.of() : map(s3Key, where + ".Filter.S3Key").getOrDefault("Rules", List.of());
            for (Object r : list(ruleList)) {
                Map<String, Object> rule = map(r, where + ".Filter.S3Key.Rules");
                String ruleName = String.valueOf(rule.get("Name")).toLowerCase(Locale.ROOT);
                if (!ruleName.equals("prefix") && !ruleName.equals("suffix")) {
                    throw new IllegalArgumentException(where + ": filter rule names are prefix or suffix, got "
                            + rule.get("Name"));
                }
                rules.add(new S3KeyRule(ruleName, template.resolve(rule.get("Value"))));
            }
        }
        return new S3Source(name, functionId, bucketId, events, List.copyOf(rules));
    }

    /** EventBridge Scheduler's defaults: UTC, 185 retries; no Input: an empty JSON object. */
    private ScheduleSource scheduleSource(String name, String functionId, Map<String, Object> ep) {
        String where = functionId + "." + name;
        String expression = template.resolve(ep.get("ScheduleExpression"));
        if (!expression.matches("(cron|rate|at)\\(.+\\)")) {
            throw new IllegalArgumentException(where + ": ScheduleExpression must be cron(...), rate(...) or at(...), got "
                    + expression);
        }
        String timezone = template.resolve(ep.getOrDefault("ScheduleExpressionTimezone", "UTC"));
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": ScheduleExpressionTimezone " + timezone + " is not a time zone");
        }
        Map<String, Object> retry = map(ep.getOrDefault("RetryPolicy", Map.of()), where + ".RetryPolicy");
        int retries = intValue(template.resolve(retry.getOrDefault("MaximumRetryAttempts", 185)));
        if (retries < 0 || retries > 185) {
            throw new IllegalArgumentException(where + ".RetryPolicy.MaximumRetryAttempts must be 0 to 185");
        }
        return new ScheduleSource(name, functionId, expression, timezone, template.resolve(ep.getOrDefault("Input", "{}")),
                retries, ep.get("DeadLetterConfig") != null);
    }
}
