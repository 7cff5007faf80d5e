package org.schoolcollab.testsupport;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the DynamodbEvent Lambda would deliver from a table's real stream (read through DynamoDB Local's streams
 * API). Converts SDK v2 stream records and attribute values to the Lambda
 * events model, the reverse of the events-sdk-transformer the handler uses.
 */
public final class StreamEvents {
    private StreamEvents() {}

    /** Every record on the table's stream so far, oldest first, across all shards. */
    public static List<Record> readStream(String table) {
        DynamoDbStreamsClient streams = DynamoDbLocal.streams();
        String arn = DynamoDbLocal.client().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            // An open shard always hands back a next iterator; stop at the first empty read.
            for (int reads = 0; iterator != null && reads < 100; reads++) {
                String current = iterator;
                var response = streams.getRecords(b -> b.shardIterator(current));
                if (response.records().isEmpty()) {
                    break;
                }
                records.addAll(response.records());
                iterator = response.nextShardIterator();
            }
        }
        records.sort((a, b) -> new java.math.BigInteger(a.dynamodb().sequenceNumber())
                .compareTo(new java.math.BigInteger(b.dynamodb().sequenceNumber())));
        return records;
    }

    /**
     * What the notifications function's FilterCriteria in template.yaml lets through:
     * {@code {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"type": {"S": ["EOI"]}}}}}.
     */
    public static boolean isEoiInsert(Record r) {
        return isInsertOfType(r, "EOI");
    }

    /**
     * What the decision notifications function's FilterCriteria in template.yaml lets through:
     * {@code {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"type": {"S": ["DECISION"]}}}}}.
     */
    public static boolean isDecisionInsert(Record r) {
        return isInsertOfType(r, "DECISION");
    }

    /** An INSERT whose new image has this {@code type}. */
    public static boolean isInsertOfType(Record r, String type) {
        return "INSERT".equals(r.eventNameAsString()) && r.dynamodb().hasNewImage()
                && r.dynamodb().newImage().containsKey("type")
                && type.equals(r.dynamodb().newImage().get("type").s());
    }

    public static String streamArn(String table) {
        return DynamoDbLocal.client().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    /** The event Lambda would send for these stream records (the handler's input type). */
    public static DynamodbEvent event(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(r -> toLambda(r, streamArn)).toList());
        return event;
    }

    public static DynamodbEvent.DynamodbStreamRecord toLambda(Record r, String streamArn) {
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(r.eventID());
        out.setEventName(r.eventNameAsString());
        out.setEventVersion(r.eventVersion());
        out.setEventSource(r.eventSource());
        out.setAwsRegion(r.awsRegion());
        out.setEventSourceARN(streamArn);
        var d = r.dynamodb();
        StreamRecord s = new StreamRecord();
        if (d.approximateCreationDateTime() != null) {
            s.setApproximateCreationDateTime(Date.from(d.approximateCreationDateTime()));
        }
        s.setKeys(toLambda(d.keys()));
        if (d.hasNewImage()) {
            s.setNewImage(toLambda(d.newImage()));
        }
        if (d.hasOldImage()) {
            s.setOldImage(toLambda(d.oldImage()));
        }
        s.setSequenceNumber(d.sequenceNumber());
        s.setSizeBytes(d.sizeBytes());
        s.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(d.streamViewTypeAsString()));
        out.setDynamodb(s);
        return out;
    }

    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toLambda(v)));
        return out;
    }

    public static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(v.b().asByteBuffer());
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(v.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> out.setM(toLambda(v.m()));
            case L -> out.setL(v.l().stream().map(StreamEvents::toLambda).toList());
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(v.nul());
            default -> throw new IllegalArgumentException("unsupported attribute value " + v);
        }
        return out;
    }
}
