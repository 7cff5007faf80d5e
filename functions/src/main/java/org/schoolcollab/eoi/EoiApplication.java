package org.schoolcollab.eoi;

import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;

import java.math.BigDecimal;
import java.util.List;

/** A validated application as the school sent it; names kept exactly as written (Ōtaki stays Ōtaki). */
public record EoiApplication(Programme programme, String communityName, String region, Contact contact,
                             List<School> schools, List<ChallengeArea> proposedChallenges, String rationale) {
    public static final int MIN_SCHOOLS = 2;
    public static final int MAX_SCHOOLS = 30;
    public static final int MIN_STATE_SCHOOLS = 2;
    public static final int MAX_ROLL = 10_000;
    public static final BigDecimal MAX_TEACHER_FTE = new BigDecimal("1000");
    /** FTE in hundredths; it also keeps the value within what a DynamoDB number can hold (38 digits, 1E-130). */
    public static final int MAX_TEACHER_FTE_DECIMALS = 2;
    public static final int MAX_CHALLENGES = 5;
    public static final int MAX_RATIONALE = 4_000;

    public EoiApplication {
        schools = List.copyOf(schools);
        proposedChallenges = List.copyOf(proposedChallenges);
    }

    public int totalRoll() {
        return schools.stream().mapToInt(School::roll).sum();
    }

    public List<String> schoolNumbers() {
        return schools.stream().map(School::schoolNumber).toList();
    }
}
