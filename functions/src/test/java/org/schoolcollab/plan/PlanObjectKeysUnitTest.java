package org.schoolcollab.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.PlanSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanObjectKeysUnitTest {
    private static final String C = EventFiles.SAMPLE_COMMUNITY_ID;
    private static final String P = PlanSamples.SAMPLE_PLAN_ID;

    @Test
    void theSampleKeyIsTheSampleFileNameMadeUrlSafe() {
        assertThat(PlanObjectKeys.objectKey(C, P, PlanSamples.SAMPLE_FILE_NAME, PlanFileType.PDF))
                .isEqualTo(PlanSamples.SAMPLE_OBJECT_KEY);
        assertThat(PlanObjectKeys.parse(PlanSamples.SAMPLE_OBJECT_KEY))
                .contains(new PlanObjectKeys.PlanRef(C, P));
        assertThat(PlanObjectKeys.rejectedKey(PlanSamples.SAMPLE_OBJECT_KEY))
                .isEqualTo("rejected/" + C + "/" + P + "/Kahui-Ako-o-Otaki-achievement-plan-2026.pdf");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Mahere 2026.pdf|PDF|Mahere-2026.pdf",
            "Ōtaki plan (final) v2.PDF|PDF|Otaki-plan-final-v2.pdf",
            "plan.docx|DOCX|plan.docx",
            "計画.pdf|PDF|plan.pdf",
            "...pdf|PDF|plan.pdf",
            "a%2Fb?x=1#.pdf|PDF|a-2Fb-x-1.pdf",
    })
    void fileNamesBecomeSafeKeySegments(String name, PlanFileType type, String safe) {
        assertThat(PlanObjectKeys.safeName(name, type)).isEqualTo(safe);
        assertThat(PlanObjectKeys.parse(PlanObjectKeys.objectKey(C, P, name, type))).isPresent();
    }

    @Test
    void longNamesAreCutToAHundredCharactersKeepingTheExtension() {
        String safe = PlanObjectKeys.safeName("x".repeat(300) + ".docx", PlanFileType.DOCX);
        assertThat(safe).hasSize(PlanObjectKeys.MAX_SAFE_NAME).endsWith(".docx");
    }

    @Test
    void keysThatNameNoPlanAreNotParsed() {
        assertThat(PlanObjectKeys.parse("rejected/" + C + "/" + P + "/a.pdf")).isEmpty();
        assertThat(PlanObjectKeys.parse("plans/" + C + "/a.pdf")).isEmpty();
        assertThat(PlanObjectKeys.parse("plans/not-a-uuid/" + P + "/a.pdf")).isEmpty();
        assertThat(PlanObjectKeys.parse("plans/" + C + "/" + P + "/sub/a.pdf")).isEmpty();
        assertThat(PlanObjectKeys.parse("plans/" + C + "/" + P + "/a b.pdf")).isEmpty();
        assertThat(PlanObjectKeys.parse(null)).isEmpty();
        assertThatThrownBy(() -> PlanObjectKeys.rejectedKey("other/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
