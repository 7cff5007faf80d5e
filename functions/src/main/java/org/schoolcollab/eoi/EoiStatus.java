package org.schoolcollab.eoi;

/** Where an application is: waiting for staff, or decided (or withdrawn by its schools). */
public enum EoiStatus {
    SUBMITTED, APPROVED, DECLINED, WITHDRAWN
}
