package io.omnireturns.query.finance;

import io.omnireturns.api.orders.SalesChannel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.omnireturns.query.finance.FinanceFixtures.SHIRTS;
import static io.omnireturns.query.finance.FinanceFixtures.SHOES;
import static io.omnireturns.query.finance.FinanceFixtures.SOCKS;
import static io.omnireturns.query.finance.FinanceFixtures.eur;
import static io.omnireturns.query.finance.FinanceFixtures.promotedOrder;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryValuationTest {

    @Test
    void lines_are_valued_net_of_line_discounts_and_their_largest_remainder_share_of_order_promotions() {
        var net = InventoryValuation.netMerchandise(promotedOrder("O-1", SalesChannel.WEB));

        assertThat(net).containsExactlyInAnyOrderEntriesOf(Map.of(
                SHIRTS, eur(4629),
                SHOES, eur(6944),
                SOCKS, eur(925)));
    }

    @Test
    void slices_of_a_line_round_down_cumulatively_and_add_up_to_the_whole_line() {
        // 9.25 for three pairs: two are floor(925 * 2 / 3) = 6.16, the third the remaining 3.09
        assertThat(InventoryValuation.slice(eur(925), 3, 0, 2)).isEqualTo(eur(616));
        assertThat(InventoryValuation.slice(eur(925), 3, 2, 1)).isEqualTo(eur(309));
        // one at a time: 3.08, 3.08, 3.09
        assertThat(InventoryValuation.slice(eur(925), 3, 0, 1)).isEqualTo(eur(308));
        assertThat(InventoryValuation.slice(eur(925), 3, 1, 1)).isEqualTo(eur(308));
        assertThat(InventoryValuation.slice(eur(925), 3, 2, 1)).isEqualTo(eur(309));
    }

    @Test
    void nothing_is_worth_nothing() {
        assertThat(InventoryValuation.slice(eur(925), 3, 0, 0)).isEqualTo(eur(0));
        assertThat(InventoryValuation.slice(eur(925), 0, 0, 1)).isEqualTo(eur(0));
    }
}
