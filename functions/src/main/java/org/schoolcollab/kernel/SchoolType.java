package org.schoolcollab.kernel;

public enum SchoolType {
    PRIMARY, INTERMEDIATE, SECONDARY, AREA, COMPOSITE, SPECIAL, EARLY_LEARNING, TERTIARY;

    /** A community needs at least two state schools; early learning services and tertiary providers may join but do not count. */
    public boolean isStateSchool() {
        return this != EARLY_LEARNING && this != TERTIARY;
    }
}
