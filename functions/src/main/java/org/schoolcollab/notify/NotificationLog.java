package org.schoolcollab.notify;

import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.Caller;
import org.schoolcollab.common.Page;
import org.schoolcollab.eoi.EoiService;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading the notification log: staff read every notification (optionally one community's); any other signed-in
 * user reads the notifications sent to their own address. Newest first, paginated like the other lists.
 */
public final class NotificationLog {
    private static final Pattern COMMUNITY_ID = Pattern.compile("^[0-9a-f-]{36}$");
    private final NotificationLogStore store;

    public NotificationLog(NotificationLogStore store) {
        this.store = store;
    }

    /**
     * @param caller the caller; a non-staff caller's {@code email} must be one the identity provider verified
     *               (blank when it did not): without one there is no log of theirs to read, a 403
     */
    public Page<Notification> list(Caller caller, Optional<String> communityId, Optional<String> limit,
                                   Optional<String> nextToken) {
        boolean staff = caller.isStaff();
        if (!staff && (caller.email() == null || caller.email().isBlank())) {
            throw ApiException.forbidden("your notifications are those sent to your verified email address, "
                    + "and this token carries none");
        }
        Optional<String> community = communityId.map(c -> {
            if (!COMMUNITY_ID.matcher(c).matches()) {
                throw ApiException.badRequest("communityId", "must be a community id (a UUID)");
            }
            return c;
        });
        int pageSize = EoiService.pageSize(limit);
        return staff ? store.all(community, pageSize, nextToken)
                : store.sentTo(caller.email(), community, pageSize, nextToken);
    }
}
