package org.schoolcollab.kernel;

/** The kinds of member a community can have, as the programmes' own lists name them. */
public enum SchoolType {
    PRIMARY, INTERMEDIATE, SECONDARY, AREA, COMPOSITE, SPECIAL, EARLY_LEARNING, TERTIARY;

    /** A community needs at least two state schools; early learning services and tertiary providers may join but do not count. */
    public boolean isStateSchool() {
        return this != EARLY_LEARNING && this != TERTIARY;
    }
}
