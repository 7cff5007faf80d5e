package org.schoolcollab.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.local.template.SamTemplate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.util.Map;

/** A DynamoDB stream record in Lambda's JSON shape, so filters and handlers see what they would in AWS. */
final class StreamRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {
    }

    /** The record as Lambda puts it in the event's Records (and as FilterCriteria patterns match it). */
    static ObjectNode lambdaRecord(Record r, String streamArn) {
        ObjectNode o = JSON.createObjectNode();
        o.put("eventID", r.eventID());
        o.put("eventName", r.eventNameAsString());
        o.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        o.put("eventSource", "aws:dynamodb");
        o.put("awsRegion", SamTemplate.REGION);
        StreamRecord s = r.dynamodb();
        ObjectNode d = o.putObject("dynamodb");
        if (s.approximateCreationDateTime() != null) {
            d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        }
        if (s.hasKeys()) d.set("Keys", image(s.keys()));
        if (s.hasNewImage()) d.set("NewImage", image(s.newImage()));
        if (s.hasOldImage()) d.set("OldImage", image(s.oldImage()));
        d.put("SequenceNumber", s.sequenceNumber());
        d.put("SizeBytes", s.sizeBytes());
        d.put("StreamViewType", s.streamViewTypeAsString());
        o.put("eventSourceARN", streamArn);
        return o;
    }

    /** The sequence number of a record in Lambda's shape: what partial batch failures name records by. */
    static String sequenceNumber(ObjectNode lambdaRecord) {
        return lambdaRecord.path("dynamodb").path("SequenceNumber").asText();
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode o = JSON.createObjectNode();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode o = JSON.createObjectNode();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", v.b().asByteArray());
            case SS -> v.ss().forEach(o.putArray("SS")::add);
            case NS -> v.ns().forEach(o.putArray("NS")::add);
            case BS -> v.bs().stream().map(SdkBytes::asByteArray).forEach(o.putArray("BS")::add);
            case M -> o.set("M", image(v.m()));
            case L -> {
                ArrayNode l = o.putArray("L");
                v.l().forEach(e -> l.add(value(e)));
            }
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return o;
    }
}
