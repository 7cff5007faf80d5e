package org.schoolcollab.local.template;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.schoolcollab.local.template.SamTemplate.ACCOUNT;
import static org.schoolcollab.local.template.SamTemplate.REGION;

/** Gives Ref, GetAtt and Sub the values the local emulators answer to, so functions get names that work here. */
final class IntrinsicResolver {
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]+)}");

    private final SamTemplate template;

    IntrinsicResolver(SamTemplate template) {
        this.template = template;
    }

    /** Local values for intrinsic functions: parameters by default, resources by logical id, pseudo parameters fixed. */
    String resolve(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            var entry = m.entrySet().iterator().next();
            String fn = String.valueOf(entry.getKey());
            Object arg = entry.getValue();
            switch (fn) {
                case "Ref" -> {
                    return ref(String.valueOf(arg));
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = arg instanceof List<?> l ? l : List.of(String.valueOf(arg).split("\\.", 2));
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub" -> {
                    return sub(String.valueOf(arg instanceof List<?> l ? l.getFirst() : arg));
                }
                default -> throw new IllegalArgumentException("the local runner cannot resolve " + fn);
            }
        }
        return String.valueOf(value);
    }

    private String getAtt(String resource, String attribute) {
        String bucketValue = template.isBucket(resource)
                ? bucketAttribute(SamTemplate.bucketName(resource), attribute) : null;
        if (bucketValue != null) {
            return bucketValue;
        }
        return "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + resource + "/" + attribute;
    }

    private String sub(String text) {
        Matcher matcher = SUB_VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (matcher.find()) {
            String var = matcher.group(1);
            String replacement = var.contains(".")
                    ? resolve(Map.of("Fn::GetAtt", List.of(var.split("\\.", 2))))
                    : ref(var);
            matcher.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::StackName" -> "local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                String parameter = template.parameter(name);
                if (parameter != null) {
                    yield parameter;
                }
                if (template.isBucket(name)) {
                    yield SamTemplate.bucketName(name); // bucket names are lower case: the logical id in lower case
                }
                if (template.resources().containsKey(name)) {
                    yield name; // a resource's local physical name is its logical id
                }
                throw new IllegalArgumentException("!Ref to unknown name " + name);
            }
        };
    }

    private static String bucketAttribute(String bucket, String attribute) {
        return switch (attribute) {
            case "Arn" -> "arn:aws:s3:::" + bucket;
            case "DomainName" -> bucket + ".s3.amazonaws.com";
            case "RegionalDomainName" -> bucket + ".s3." + REGION + ".amazonaws.com";
            default -> null;
        };
    }
}
