package org.schoolcollab.community;

/** FORMING on approval; ENDORSED once its plan is endorsed (issue 4); CLOSED when it ends. */
public enum CommunityStatus {
    FORMING, ENDORSED, CLOSED
}
