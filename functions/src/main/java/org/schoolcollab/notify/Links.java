package org.schoolcollab.notify;

import java.util.Objects;

/**
 * Links to the web front end's pages, for mail: the site's origin (in AWS the CloudFront site, locally the runner's
 * own) and the page's route. Mail links to pages people read, never to an API path.
 */
public record Links(String webOrigin) {
    public Links {
        Objects.requireNonNull(webOrigin, "webOrigin");
        webOrigin = webOrigin.endsWith("/") ? webOrigin.substring(0, webOrigin.length() - 1) : webOrigin;
    }

    public String application(String eoiId) {
        return page("/applications/" + eoiId);
    }

    public String community(String communityId) {
        return page("/communities/" + communityId);
    }

    public String reviewQueue() {
        return page("/staff/queue");
    }

    /** The staff console's funding report, from which finance export the records. */
    public String fundingReport() {
        return page("/staff/funding");
    }

    public String myApplications() {
        return page("/my");
    }

    private String page(String route) {
        return webOrigin + "/#" + route;
    }
}
