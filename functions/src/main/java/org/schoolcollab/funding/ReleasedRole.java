package org.schoolcollab.funding;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing an endorsement releases, with its identity within the community: a role ({@code LEADER},
 * {@code ACROSS_SCHOOL#1} … {@code ACROSS_SCHOOL#N}, {@code WITHIN_SCHOOL#1} … {@code WITHIN_SCHOOL#M}) or a
 * member school's inquiry hours ({@code INQUIRY_HOURS#<schoolNumber>}).
 *
 * <p>The key depends only on the community's roles, never on the plan version that was endorsed: a community's
 * roles are released once. The store keys each record by community + {@link #key()}, so replaying the
 * endorsement, or endorsing a later version of the plan, finds the records already there and adds nothing.
 */
public record ReleasedRole(String key, FundingLine line) {
    public static final String LEADER = "LEADER";
    public static final String ACROSS_SCHOOL = "ACROSS_SCHOOL#";
    public static final String WITHIN_SCHOOL = "WITHIN_SCHOOL#";
    public static final String INQUIRY_HOURS = "INQUIRY_HOURS#";
    private static final Pattern KEY = Pattern.compile("^(LEADER|(ACROSS_SCHOOL|WITHIN_SCHOOL)#[1-9][0-9]*|INQUIRY_HOURS#\\S+)$");

    public ReleasedRole {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(line, "line");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a role allocation key: '" + key + "'");
        }
    }

    static String acrossSchool(int number) {
        return ACROSS_SCHOOL + number;
    }

    static String withinSchool(int number) {
        return WITHIN_SCHOOL + number;
    }

    static String inquiryHours(String schoolNumber) {
        return INQUIRY_HOURS + schoolNumber;
    }
}
