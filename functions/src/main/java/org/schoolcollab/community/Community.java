package org.schoolcollab.community;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;

import java.time.Instant;
import java.util.List;

/** A community of schools (a Kāhui Ako, a cluster), formed when its expression of interest is approved. */
public record Community(String id, Programme programme, String name, String region, Contact contact,
                        List<School> members, CommunityStatus status, String eoiId, String wave, Instant formedAt) {
    public Community {
        members = List.copyOf(members);
    }

    public boolean hasMember(String schoolNumber) {
        return members.stream().anyMatch(s -> s.schoolNumber().equals(schoolNumber));
    }

    public int totalRoll() {
        return members.stream().mapToInt(School::roll).sum();
    }
}
