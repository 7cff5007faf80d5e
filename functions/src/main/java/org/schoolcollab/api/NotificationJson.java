package org.schoolcollab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.Notification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The API's representation of a notification in the log (openapi.yaml: Notification). */
public final class NotificationJson {
    private NotificationJson() {}

    /** Stable and opaque: base64url of the item's key, "&lt;source pk&gt;/NOTIFICATION#&lt;kind&gt;". */
    public static String id(Notification n) {
        String key = n.sourcePk() + "/NOTIFICATION#" + n.kind();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static ObjectNode item(Notification n) {
        ObjectNode o = Json.object();
        o.put("id", id(n));
        o.put("kind", n.kind());
        o.put("recipient", n.recipient());
        o.put("subject", n.subject());
        o.put("body", n.body());
        o.put("status", n.status().name());
        o.put("createdAt", n.createdAt().toString());
        if (n.sentAt() != null) {
            o.put("sentAt", n.sentAt().toString());
        }
        if (n.messageId() != null) {
            o.put("messageId", n.messageId());
        }
        o.put("source", n.sourcePk());
        if (n.eoiId() != null) {
            o.put("eoiId", n.eoiId());
        }
        if (n.communityId() != null) {
            o.put("communityId", n.communityId());
        }
        return o;
    }
}
