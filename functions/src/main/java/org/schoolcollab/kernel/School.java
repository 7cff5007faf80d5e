package org.schoolcollab.kernel;

import java.math.BigDecimal;

/** A member school as an application names it: number, name, type, roll, teacher FTE and its board's word. */
public record School(String schoolNumber, String name, SchoolType type, int roll, BigDecimal teacherFte,
                     boolean boardEndorsed) {}
