package org.schoolcollab.grant;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;

/**
 * A grant awarded to a community: an immutable record. It carries the community's name and contact so the
 * reaction to it (a funding record, the notifications) never reads anything back.
 */
public record Grant(String id, String communityId, Programme programme, String purpose, Money amount,
                    String description, String awardedBySub, String awardedByEmail, Instant awardedAt,
                    String communityName, Contact contact) {}
