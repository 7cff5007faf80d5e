package org.schoolcollab.kernel;

import java.math.BigDecimal;

public record School(String schoolNumber, String name, SchoolType type, int roll, BigDecimal teacherFte,
                     boolean boardEndorsed) {}
