package org.schoolcollab.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** How mail is written in each programme: greetings, money, dates, articles and counts as people write them. */
class LettersUnitTest {

    @ParameterizedTest(name = "{0} {1} as \"{2}\"")
    @CsvSource({
            "1000.00,   NZD, 'NZD 1,000.00'",
            "30000,     NZD, 'NZD 30,000.00'",
            "12000.00,  GBP, '£12,000.00'",
            "2500.5,    GBP, '£2,500.50'",
            "5.00,      EUR, '€5.00'",
            "0.01,      GBP, '£0.01'",
            "1234567.89, AUD, 'AUD 1,234,567.89'",
            "10000000.00, NZD, 'NZD 10,000,000.00'",
    })
    void moneyIsWrittenAsPeopleWriteIt(String amount, String currency, String written) {
        assertThat(Letters.money(Money.of(amount, currency))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "an, employer engagement",
            "an, other",
            "an, action plan",
            "a,  courses",
            "a,  plan",
            "a,  within-school teacher role",
    })
    void theArticleFollowsTheWordsFirstLetter(String article, String word) {
        assertThat(Letters.article(word)).isEqualTo(article);
    }

    @Test
    void wordsAreTheEnumNameInLowerCase() {
        assertThat(Letters.words("EMPLOYER_ENGAGEMENT")).isEqualTo("employer engagement");
        assertThat(Letters.article(Letters.words("OTHER")) + " " + Letters.words("OTHER") + " grant")
                .isEqualTo("an other grant");
    }

    @Test
    void datesAreTheLongLocalFormInTheProgrammesZone() {
        Instant lateOnTheEleventhInUtc = Instant.parse("2026-09-11T13:30:00Z");

        assertThat(Letters.date(Programme.KAHUI_AKO, lateOnTheEleventhInUtc)).as("NZST, UTC+12").isEqualTo("12 September 2026");
        assertThat(Letters.date(Programme.SCHOOL_IMPROVEMENT, lateOnTheEleventhInUtc)).as("BST, UTC+1")
                .isEqualTo("11 September 2026");
        assertThat(Letters.date(Programme.SCHOOL_IMPROVEMENT, Instant.parse("2026-03-31T23:30:00Z")))
                .as("BST began on 29 March").isEqualTo("1 April 2026");
        assertThat(Letters.date(LocalDate.of(2026, 3, 6))).isEqualTo("6 March 2026");
    }

    @Test
    void aKahuiAkoLetterGreetsKiaOraAndAClustersDear() {
        assertThat(Letters.greeting(Programme.KAHUI_AKO, "Mere Rāwiri")).isEqualTo("Kia ora Mere Rāwiri,\n\n");
        assertThat(Letters.greeting(Programme.SCHOOL_IMPROVEMENT, "Helen Marsh")).isEqualTo("Dear Helen Marsh,\n\n");
        assertThat(Letters.greeting(Programme.KAHUI_AKO, null)).isEqualTo("Kia ora,\n\n");
        assertThat(Letters.greeting(Programme.SCHOOL_IMPROVEMENT, " ")).isEqualTo("Hello,\n\n");
        assertThat(Letters.signOff(Programme.KAHUI_AKO)).isEqualTo("\nNgā mihi,\nThe Kāhui Ako programme office\n");
        assertThat(Letters.signOff(Programme.SCHOOL_IMPROVEMENT)).isEqualTo("\nKind regards,\nThe School Improvement Board\n");
    }

    @Test
    void eachProgrammeNamesItsCommunityAndPlanItsOwnWay() {
        assertThat(Letters.community(Programme.KAHUI_AKO)).isEqualTo("Kāhui Ako");
        assertThat(Letters.community(Programme.SCHOOL_IMPROVEMENT)).isEqualTo("cluster");
        assertThat(Letters.plan(Programme.KAHUI_AKO)).isEqualTo("plan of achievement challenges");
        assertThat(Letters.plan(Programme.SCHOOL_IMPROVEMENT)).isEqualTo("action plan");
        assertThat(Letters.programmeName(Programme.KAHUI_AKO)).isEqualTo("Kāhui Ako (Communities of Learning)");
        assertThat(Letters.programmeName(Programme.SCHOOL_IMPROVEMENT)).isEqualTo("school improvement clusters");
    }

    @Test
    void aPersonIsTheirEmailOrProgrammeStaffWhereNoneWasVerified() {
        assertThat(Letters.person("reviewer@programme-office.example.govt.nz"))
                .isEqualTo("reviewer@programme-office.example.govt.nz");
        assertThat(Letters.person("")).isEqualTo("programme staff");
        assertThat(Letters.person(null)).isEqualTo("programme staff");
    }

    @Test
    void countsAgreeWithTheirNoun() {
        assertThat(Letters.count(1, "role", "roles")).isEqualTo("1 role");
        assertThat(Letters.count(0, "role", "roles")).isEqualTo("0 roles");
        assertThat(Letters.count(6, "member school", "member schools")).isEqualTo("6 member schools");
    }

    @Test
    void linksArePagesOfTheWebFrontEndNeverApiPaths() {
        Links links = new Links("https://schools.example.org/");

        assertThat(links.community("c-1")).isEqualTo("https://schools.example.org/#/communities/c-1");
        assertThat(links.application("e-1")).isEqualTo("https://schools.example.org/#/applications/e-1");
        assertThat(links.reviewQueue()).isEqualTo("https://schools.example.org/#/staff/queue");
        assertThat(links.fundingReport()).isEqualTo("https://schools.example.org/#/staff/funding");
        assertThat(links.myApplications()).isEqualTo("https://schools.example.org/#/my");
        assertThat(new Links("http://127.0.0.1:3000").community("c-1")).isEqualTo("http://127.0.0.1:3000/#/communities/c-1");
    }
}
