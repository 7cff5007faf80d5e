package org.schoolcollab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.report.FundingReport;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The finance report (openapi.yaml: FundingReport), as JSON and as CSV for import into a finance system: one row a
 * record, RFC 4180 quoting, and text cells that a spreadsheet would run as a formula ("=", "+", "-", "@", tab, CR)
 * prefixed with an apostrophe (OWASP, CSV injection).
 */
public final class FundingReportJson {
    static final List<String> COLUMNS = List.of("communityId", "communityName", "schoolNumber", "schoolName", "kind",
            "period", "year", "amount", "currency", "quantity", "units", "policyId", "policyVersion", "sourceId",
            "createdAt");
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = columns().build().withHeader();

    private FundingReportJson() {}

    public static ObjectNode report(FundingReport report) {
        ObjectNode body = Json.object();
        body.put("programme", report.programme().id());
        body.put("from", report.from().map(Object::toString).orElse(null));
        body.put("to", report.to().map(Object::toString).orElse(null));
        body.put("count", report.rows().size());
        ArrayNode rows = body.putArray("records");
        for (FundingReport.Row row : report.rows()) {
            ObjectNode o = rows.addObject();
            List<String> cells = cells(row);
            for (int i = 0; i < COLUMNS.size(); i++) {
                String c = cells.get(i);
                if (COLUMNS.get(i).equals("year")) {
                    o.put("year", row.record().year());
                } else {
                    o.put(COLUMNS.get(i), c.isEmpty() ? null : c);
                }
            }
        }
        ArrayNode totals = body.putArray("totals");
        report.totals().forEach(t -> totals.addObject().put("kind", t.kind().name())
                .put("currency", t.total().currency()).put("value", t.total().value()).put("records", t.records()));
        return body;
    }

    public static String csv(FundingReport report) {
        List<List<String>> rows = new ArrayList<>(report.rows().size());
        for (FundingReport.Row row : report.rows()) {
            rows.add(cells(row).stream().map(FundingReportJson::safe).toList());
        }
        try {
            return "\uFEFF" + CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name for the download: "funding-kahui-ako-from-2026-01-01-to-2026-12-31.csv". */
    public static String fileName(FundingReport report) {
        return "funding-" + report.programme().id() + report.from().map(f -> "-from-" + f).orElse("")
                + report.to().map(t -> "-to-" + t).orElse("") + ".csv";
    }

    private static List<String> cells(FundingReport.Row row) {
        FundingRecord r = row.record();
        FundingLine line = r.line();
        return List.of(r.communityId(), row.communityName(), nz(line.recipientSchoolNumber()), row.schoolName(),
                line.kind().name(), line.period(), Integer.toString(r.year()),
                line.amount() == null ? "" : line.amount().value(), line.amount() == null ? "" : line.amount().currency(),
                line.quantity() == null ? "" : line.quantity().toPlainString(), nz(line.units()), line.policyId(),
                line.policyVersion(), r.sourceId(), r.createdAt().toString());
    }

    /** A cell a spreadsheet shows as text: one that begins as a formula would gets a leading apostrophe. */
    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static CsvSchema.Builder columns() {
        CsvSchema.Builder b = CsvSchema.builder();
        COLUMNS.forEach(b::addColumn);
        return b;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
