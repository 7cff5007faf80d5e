package org.schoolcollab.eoi;

public enum EoiStatus {
    SUBMITTED, APPROVED, DECLINED, WITHDRAWN
}
