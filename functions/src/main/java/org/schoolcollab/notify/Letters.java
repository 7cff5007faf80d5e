package org.schoolcollab.notify;

import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How mail is written in each programme, so it reads as that programme's own: a Kāhui Ako letter greets "Kia ora"
 * and speaks of boards, a cluster's says "Dear" and speaks of head teachers, governors and action plans; money is
 * written as people write it ("NZD 1,000.00", "£12,000.00") and dates in the local long form ("12 September 2026").
 */
public final class Letters {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private Letters() {}

    /** The opening line; with no name known, "Kia ora," or "Hello,". */
    public static String greeting(Programme programme, String name) {
        if (name == null || name.isBlank()) {
            return (programme == Programme.KAHUI_AKO ? "Kia ora" : "Hello") + ",\n\n";
        }
        return (programme == Programme.KAHUI_AKO ? "Kia ora " : "Dear ") + name + ",\n\n";
    }

    public static String signOff(Programme programme) {
        return programme == Programme.KAHUI_AKO
                ? "\nNgā mihi,\nThe Kāhui Ako programme office\n"
                : "\nKind regards,\nThe School Improvement Board\n";
    }

    /** The programme in words, as its people name it. */
    public static String programmeName(Programme programme) {
        return programme == Programme.KAHUI_AKO ? "Kāhui Ako (Communities of Learning)" : "school improvement clusters";
    }

    /** What the programme calls a community: a Kāhui Ako, a cluster. */
    public static String community(Programme programme) {
        return programme == Programme.KAHUI_AKO ? "Kāhui Ako" : "cluster";
    }

    /** What the programme calls its plan: achievement challenges, an action plan. */
    public static String plan(Programme programme) {
        return programme == Programme.KAHUI_AKO ? "plan of achievement challenges" : "action plan";
    }

    /** "NZD 1,000.00", "£12,000.00", "€5.00": a symbol where the currency has one people use alone, else the code. */
    public static String money(Money m) {
        String amount = grouped(m.amount());
        return switch (m.currency()) {
            case "GBP" -> "£" + amount;
            case "EUR" -> "€" + amount;
            default -> m.currency() + " " + amount;
        };
    }

    /** A decimal with thousands grouped and at least two places: 30000 as "30,000.00". */
    private static String grouped(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setParseBigDecimal(true);
        return f.format(value);
    }

    public static String date(Programme programme, Instant at) {
        return LONG_DATE.format(at.atZone(programme.zone()));
    }

    public static String date(LocalDate day) {
        return LONG_DATE.format(day);
    }

    /** "a" or "an" before a word, by its sound's first letter ("an employer engagement grant"). */
    public static String article(String word) {
        return word.isEmpty() || "aeiouAEIOU".indexOf(word.charAt(0)) < 0 ? "a" : "an";
    }

    /** An enum-like name in words: EMPLOYER_ENGAGEMENT as "employer engagement". */
    public static String words(String name) {
        return name.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** Who did something, as people know them: their email; "programme staff" where none was verified. */
    public static String person(String email) {
        return person(email, "programme staff");
    }

    /** Who did something: their email, or {@code otherwise} ("a user of school 1234") where none was verified. */
    public static String person(String email, String otherwise) {
        return email == null || email.isBlank() ? otherwise : email;
    }

    /** "1 role", "2 roles". */
    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
