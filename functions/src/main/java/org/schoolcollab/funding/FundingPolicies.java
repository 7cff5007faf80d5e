package org.schoolcollab.funding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The funding policy documents on the classpath, one per programme ({@code policies/<programme>.json}), each
 * validated on first load and then cached for the life of the container: the rules read data, not constants,
 * and a bad document fails the first call loudly instead of producing wrong money.
 */
public final class FundingPolicies {
    public static final String FOLDER = "policies";
    private static final Pattern PROGRAMME_ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final FundingPolicies SHIPPED = new FundingPolicies(FOLDER);

    private final String folder;
    private final ConcurrentMap<String, FundingPolicy> byProgramme = new ConcurrentHashMap<>();

    public FundingPolicies(String folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The documents shipped in the functions jar, shared by every handler in the container. */
    public static FundingPolicies shipped() {
        return SHIPPED;
    }

    /** The policy of a programme ("kahui-ako"), loaded and validated once. */
    public FundingPolicy forProgramme(String programmeId) {
        Objects.requireNonNull(programmeId, "programmeId");
        // The id becomes part of a resource name: only plain ids, so nothing like "../x" is looked up.
        if (!PROGRAMME_ID.matcher(programmeId).matches()) {
            throw new IllegalArgumentException("not a programme id: '" + programmeId + "'");
        }
        return byProgramme.computeIfAbsent(programmeId, id -> {
            String resource = folder + "/" + id + ".json";
            FundingPolicy policy = load(resource);
            if (!policy.programme().equals(id)) {
                throw new PolicyDocumentException(resource, List.of("programme: is '" + policy.programme()
                        + "' but the document is the policy of '" + id + "' (its file name)"));
            }
            return policy;
        });
    }

    /** Reads and validates one classpath resource, e.g. {@code policies/kahui-ako.json}. */
    public static FundingPolicy load(String resource) {
        try (InputStream in = FundingPolicies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no funding policy: classpath resource " + resource + " not found");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read funding policy " + resource, e);
        }
    }

    /** Parses and validates a document's text; {@code resource} names it in every message. */
    public static FundingPolicy parse(String resource, String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new PolicyDocumentException(resource, List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        PolicyValidator.validate(resource, root);
        return new FundingPolicy(resource, root);
    }
}
