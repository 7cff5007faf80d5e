package org.schoolcollab.visit;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A challenge visit to a school-improvement cluster: an immutable record of the action plan version reviewed and
 * what the visit found. It carries the cluster's name and contact so the reaction to it never reads anything back.
 */
public record ChallengeVisit(String id, String communityId, Programme programme, String planId, int planVersion,
                             LocalDate visitDate, VisitOutcome outcome, String notes, String recordedBySub,
                             String recordedByEmail, Instant recordedAt, String communityName, Contact contact) {}
