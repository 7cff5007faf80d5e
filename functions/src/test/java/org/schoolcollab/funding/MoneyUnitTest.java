package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.api.FundingJson;
import org.schoolcollab.kernel.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyUnitTest {

    @Test
    void holdsTwoDecimalsAndPrintsAmountThenCurrency() {
        assertThat(Money.of("1000", "NZD")).hasToString("1000.00 NZD");
        assertThat(Money.of("0.5", "GBP").value()).isEqualTo("0.50");
        assertThat(new Money(new BigDecimal("1E+3"), "NZD")).isEqualTo(Money.of("1000.00", "NZD"));
        assertThat(FundingJson.money(Money.of("12000.00", "GBP")).toString()).isEqualTo("{\"value\":\"12000.00\",\"currency\":\"GBP\"}");
    }

    @Test
    void addsAndMultipliesExactly() {
        // 6 member schools × NZD 1,000 = NZD 6,000.00
        assertThat(Money.of("1000.00", "NZD").times(6)).isEqualTo(Money.of("6000.00", "NZD"));
        // 0.10 + 0.20 is 0.30 exactly: the sum a double gets wrong
        assertThat(Money.of("0.10", "NZD").plus(Money.of("0.20", "NZD"))).hasToString("0.30 NZD");
        assertThat(Money.zero("GBP").plus(Money.of("100000", "GBP"))).hasToString("100000.00 GBP");
        assertThat(Money.of("750.00", "NZD").times(0)).isEqualTo(Money.zero("NZD"));
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        assertThatThrownBy(() -> Money.of("1000.00", "NZD").plus(Money.of("1000.00", "GBP")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot add 1000.00 GBP to 1000.00 NZD");
    }

    @Test
    void refusesAFloatTurnedIntoABigDecimal() {
        // new BigDecimal(0.1) is 0.1000000000000000055511151231257827…: refused, not rounded
        assertThatThrownBy(() -> new Money(new BigDecimal(0.1), "NZD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimal places");
        assertThatThrownBy(() -> new Money(new BigDecimal("1000.005"), "NZD"))
                .hasMessageContaining("at most 2 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1000.005", "1,000.00", "+5", ".5", "", " 1", "NaN", "Infinity", "0x10"})
    void refusesAmountsThatAreNotPlainDecimals(String text) {
        assertThatThrownBy(() -> Money.of(text, "NZD")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nzd", "NZ$", "NZDD", "XYZ", ""})
    void refusesCurrenciesThatAreNotIso4217(String code) {
        assertThatThrownBy(() -> Money.of("1.00", code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 4217");
    }
}
