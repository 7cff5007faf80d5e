package org.schoolcollab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.report.FundingReport;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.community;
import static org.schoolcollab.testsupport.WorldSetUp.endorsed;

/**
 * The finance report as JSON and as CSV for a finance system's import: one row a record, a header, a BOM so a
 * spreadsheet reads it as UTF-8, RFC 4180 quoting, and a cell that a spreadsheet would run as a formula written as
 * text (a leading apostrophe). The world's report: the sample Kāhui Ako, its formation allowance and its roles.
 */
class FundingReportJsonUnitTest {
    private static final String HEADER = "communityId,communityName,schoolNumber,schoolName,kind,period,year,amount,"
            + "currency,quantity,units,policyId,policyVersion,sourceId,createdAt";

    private final InMemoryWorld world = new InMemoryWorld();

    /** A kahui-ako community under this name, formed and funded, its plan endorsed and its roles released. */
    private Community funded(String name) {
        EoiDecision approval = approve(world, EoiBodies.valid().put("communityName", name));
        world.onCommunityFormed().react(approval);
        Community c = community(world, approval);
        world.clock.advance(Duration.ofDays(1)); // its plan is endorsed the next day
        endorsed(world, c);
        return c;
    }

    private FundingReport report() {
        return world.fundingReportService().report(STAFF, Programme.KAHUI_AKO, Optional.empty(), Optional.empty());
    }

    /** The CSV read back as a finance import reads it: header names to cells, row by row. */
    private static List<Map<String, String>> rows(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.substring(1))) {
            return it.readAll();
        }
    }

    @Test
    void theCsvStartsWithABomAndTheHeaderThenHasOneRowPerRecord() throws IOException {
        funded("Kāhui Ako o Ōtaki");
        FundingReport report = report();

        String csv = FundingReportJson.csv(report);

        assertThat(csv).startsWith("\uFEFF" + HEADER + "\n");
        assertThat(String.join(",", FundingReportJson.COLUMNS)).isEqualTo(HEADER);
        List<Map<String, String>> rows = rows(csv);
        assertThat(rows).hasSize(report.rows().size()).hasSize(3 + 16 + 3);
        assertThat(rows.getFirst()).containsEntry("communityName", "Kāhui Ako o Ōtaki")
                .containsEntry("schoolNumber", "9101").containsEntry("schoolName", "Ōtaki School")
                .containsEntry("kind", "FORMATION_ALLOWANCE").containsEntry("period", "ON_APPROVAL")
                .containsEntry("year", "2026").containsEntry("amount", "1000.00").containsEntry("currency", "NZD")
                .containsEntry("quantity", "").containsEntry("policyId", "kahui-ako-funding")
                .containsEntry("policyVersion", "2").containsEntry("createdAt", "2026-03-02T21:14:05.123Z");
        assertThat(rows).filteredOn(r -> r.get("kind").equals("INQUIRY_HOURS"))
                .extracting(r -> r.get("schoolNumber") + " " + r.get("quantity") + " " + r.get("units") + " ["
                        + r.get("amount") + "]")
                .containsExactlyInAnyOrder("9101 50 HOURS []", "9102 77 HOURS []", "9103 152 HOURS []");
    }

    @Test
    void aPeriodWithoutRecordsIsStillTheHeaderSoAnImportKnowsTheColumns() throws IOException {
        String csv = FundingReportJson.csv(report());

        assertThat(csv).isEqualTo("\uFEFF" + HEADER + "\n");
        assertThat(FundingReportJson.report(report()).get("count").asInt()).isZero();
    }

    @Test
    void theCsvsMoneyAddsUpToTheTotalsTheJsonStates() throws IOException {
        funded("Kāhui Ako o Ōtaki");
        FundingReport report = report();

        Map<String, BigDecimal> fromCsv = new TreeMap<>();
        for (Map<String, String> row : rows(FundingReportJson.csv(report))) {
            if (!row.get("amount").isEmpty()) {
                fromCsv.merge(row.get("kind") + " " + row.get("currency"), new BigDecimal(row.get("amount")), BigDecimal::add);
            }
        }
        ObjectNode json = FundingReportJson.report(report);
        Map<String, BigDecimal> fromJson = new TreeMap<>();
        json.get("totals").forEach(t -> fromJson.put(t.get("kind").asText() + " " + t.get("currency").asText(),
                new BigDecimal(t.get("value").asText())));

        assertThat(fromCsv).isEqualTo(fromJson).containsEntry("COMMUNITY_LEADER_ROLE NZD", new BigDecimal("25000.00"))
                .containsEntry("ROLE_INDUCTION_AND_NETWORKING NZD", new BigDecimal("4150.00"));
        assertThat(json.get("totals")).allSatisfy(t -> assertThat(t.get("records").isInt()).isTrue());
    }

    @Test
    void theJsonNamesTheProgrammeAndPeriodAndGivesEachRecordItsColumns() {
        funded("Kāhui Ako o Ōtaki");
        FundingReport whole = report();
        FundingReport march = world.fundingReportService().report(STAFF, Programme.KAHUI_AKO,
                Optional.of(LocalDate.of(2026, 3, 1)), Optional.of(LocalDate.of(2026, 3, 31)));

        ObjectNode json = FundingReportJson.report(whole);

        assertThat(json.get("programme").asText()).isEqualTo("kahui-ako");
        assertThat(json.get("from").isNull()).isTrue();
        assertThat(json.get("to").isNull()).isTrue();
        assertThat(json.get("count").asInt()).isEqualTo(22);
        assertThat(json.get("records")).hasSize(22);
        JsonNode first = json.get("records").get(0);
        assertThat(first.get("year").isInt()).as("a number, not text").isTrue();
        assertThat(first.get("amount").asText()).isEqualTo("1000.00");
        assertThat(first.get("quantity").isNull()).as("an empty cell is null").isTrue();
        assertThat(first.get("units").isNull()).isTrue();
        assertThat(FundingReportJson.report(march).get("from").asText()).isEqualTo("2026-03-01");
        assertThat(FundingReportJson.report(march).get("to").asText()).isEqualTo("2026-03-31");
        assertThat(FundingReportJson.fileName(march)).isEqualTo("funding-kahui-ako-from-2026-03-01-to-2026-03-31.csv");
        assertThat(FundingReportJson.fileName(whole)).isEqualTo("funding-kahui-ako.csv");
    }

    @Test
    void aCommunityNamedAsAFormulaIsWrittenAsTextWithALeadingApostrophe() throws IOException {
        String formula = "=HYPERLINK(\"https://evil.example/x\",\"Kāhui Ako\")";
        funded(formula);

        String csv = FundingReportJson.csv(report());

        assertThat(rows(csv)).extracting(r -> r.get("communityName")).containsOnly("'" + formula);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"https://evil.example/x\"\",\"\"Kāhui Ako\"\")\",")
                .doesNotContain(",=HYPERLINK");
        assertThat(FundingReportJson.report(report()).get("records").get(0).get("communityName").asText())
                .as("JSON is not a spreadsheet: the name as it is").isEqualTo(formula);
    }

    @Test
    void aNameWithACommaOrAQuoteIsQuoted() throws IOException {
        funded("Ōtaki, Te Horo and \"Waitohu\" schools");

        String csv = FundingReportJson.csv(report());

        assertThat(csv).contains(",\"Ōtaki, Te Horo and \"\"Waitohu\"\" schools\",");
        assertThat(rows(csv)).extracting(r -> r.get("communityName"))
                .containsOnly("Ōtaki, Te Horo and \"Waitohu\" schools");
    }

    @ParameterizedTest(name = "\"{0}\" is written as \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=SUM(A1:A9)      | '=SUM(A1:A9)",
            "+64 6 364 0000   | '+64 6 364 0000",
            "-2+3             | '-2+3",
            "@cmd             | '@cmd",
            "Kāhui Ako o Ōtaki | Kāhui Ako o Ōtaki",
            "a=b              | a=b",
    })
    void aCellThatWouldRunAsAFormulaGetsAnApostrophe(String cell, String written) {
        assertThat(FundingReportJson.safe(cell.strip())).isEqualTo(written.strip());
    }

    @Test
    void tabsCarriageReturnsAndEmptyCellsAreHandledToo() {
        assertThat(FundingReportJson.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(FundingReportJson.safe("\r=1")).isEqualTo("'\r=1");
        assertThat(FundingReportJson.safe("")).isEmpty();
        assertThat(Money.of("1000.00", "NZD").value()).as("amounts are never negative here, so never escaped")
                .isEqualTo(FundingReportJson.safe("1000.00"));
    }
}
