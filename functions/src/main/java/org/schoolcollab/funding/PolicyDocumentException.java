package org.schoolcollab.funding;

import java.util.List;

/** A policy document failed validation on load. Lists every problem at once, each with its path. */
public class PolicyDocumentException extends IllegalStateException {
    private final String resource;
    private final List<String> problems;

    public PolicyDocumentException(String resource, List<String> problems) {
        super(resource + " is not a valid funding policy (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ") + String.join("; ", problems));
        this.resource = resource;
        this.problems = List.copyOf(problems);
    }

    public String resource() {
        return resource;
    }

    public List<String> problems() {
        return problems;
    }
}
