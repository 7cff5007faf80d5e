package org.schoolcollab.eoi;

import java.util.List;

/** A validated application as the school sent it; names kept exactly as written (Ōtaki stays Ōtaki). */
public record EoiApplication(Programme programme, String communityName, String region, Contact contact,
                             List<School> schools, List<ChallengeArea> proposedChallenges, String rationale) {
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
