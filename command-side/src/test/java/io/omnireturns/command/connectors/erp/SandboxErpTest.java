package io.omnireturns.command.connectors.erp;

import io.omnireturns.api.money.Money;
import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.ExternalSystem;
import io.omnireturns.api.returns.LineRefund;
import io.omnireturns.api.tax.JurisdictionTax;
import io.omnireturns.command.connectors.common.ConnectorException;
import io.omnireturns.command.connectors.common.SandboxBehaviour;
import io.omnireturns.command.connectors.erp.SandboxErp.StockEffect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.omnireturns.command.connectors.common.SandboxAssertions.assertRejected;
import static io.omnireturns.command.connectors.common.SandboxAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxErpTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    private final SandboxErp erp = new SandboxErp(SandboxBehaviour.immediate(ExternalSystem.ERP_CREDIT_MEMO),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Nested
    class DebitMemos {

        private static DebitMemoRequest debit(String key, long minor) {
            return new DebitMemoRequest(key, "R-1", "ORD-1002", "CUST-200", "CM-000001", eur(minor), "PSP-CB-1");
        }

        @Test
        void a_clawback_is_posted_once_as_a_debit_memo_against_the_returns_credit_memo() {
            erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0));

            DebitMemoReceipt receipt = erp.postDebitMemo(debit("R-1:CLAWBACK_MEMO", 500));

            assertThat(receipt).isEqualTo(new DebitMemoReceipt("DM-000001", eur(500)));
            assertThat(erp.postDebitMemo(debit("R-1:CLAWBACK_MEMO", 500))).isEqualTo(receipt);
            assertThat(erp.debitMemos()).containsExactly(new SandboxErp.DebitMemo("R-1:CLAWBACK_MEMO", "DM-000001",
                    "R-1", "CM-000001", eur(500), "PSP-CB-1", NOW));
        }

        @Test
        void a_debit_memo_for_more_than_the_credit_memo_or_for_an_unknown_one_is_refused() {
            assertRejected(() -> erp.postDebitMemo(debit("R-1:CLAWBACK_MEMO", 500)), "UNKNOWN_CREDIT_MEMO");
            erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0));

            assertRejected(() -> erp.postDebitMemo(debit("R-1:CLAWBACK_MEMO", 1033)), "TOTAL_MISMATCH");
            assertThat(erp.debitMemos()).isEmpty();
        }
    }

    @Nested
    class CreditMemos {

        @Test
        void a_credit_memo_is_posted_once_and_written_to_the_ledger() {
            CreditMemoRequest request = memo("R-1:POST_CREDIT_MEMO", 1032, 0);

            CreditMemoReceipt receipt = erp.postCreditMemo(request);

            assertThat(receipt).isEqualTo(new CreditMemoReceipt("CM-000001", eur(1032)));
            assertThat(erp.creditMemos()).containsExactly(new SandboxErp.CreditMemo("R-1:POST_CREDIT_MEMO",
                    "CM-000001", "R-1", "ORD-1002", "CUST-200", request.lines(), eur(0), eur(1032), NOW));
        }

        @Test
        void the_same_request_again_answers_the_same_document_and_posts_nothing_more() {
            CreditMemoReceipt first = erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0));

            assertThat(erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0))).isEqualTo(first);
            assertThat(erp.creditMemos()).hasSize(1);
        }

        @Test
        void another_request_under_a_used_key_is_refused_as_a_conflict() {
            erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0));

            assertRejected(() -> erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 594)), "IDEMPOTENCY_CONFLICT");
            assertThat(erp.creditMemos()).hasSize(1);
        }

        @Test
        void document_numbers_are_unique() {
            erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0));
            erp.postCreditMemo(memo("R-2:POST_CREDIT_MEMO", 1032, 0));

            assertThat(erp.creditMemos()).extracting(SandboxErp.CreditMemo::documentNumber)
                    .containsExactly("CM-000001", "CM-000002");
        }

        @Test
        void a_memo_whose_lines_and_shipping_do_not_make_the_total_is_refused() {
            CreditMemoRequest request = new CreditMemoRequest("R-1:POST_CREDIT_MEMO", "R-1", "ORD-1002", "CUST-200",
                    List.of(line(1032)), eur(594), eur(1032));

            assertThat(assertRejected(() -> erp.postCreditMemo(request), "TOTAL_MISMATCH").system())
                    .isEqualTo(ExternalSystem.ERP_CREDIT_MEMO);
            assertThat(erp.creditMemos()).isEmpty();
        }

        @Test
        void the_tax_per_jurisdiction_is_posted_with_the_memo_and_answered_back() {
            CreditMemoRequest request = new CreditMemoRequest("R-1:POST_CREDIT_MEMO", "R-1", "ORD-1002", "CUST-200",
                    List.of(line(1032)), eur(0), eur(1032), List.of(new JurisdictionTax("FR", eur(860), eur(172))));

            CreditMemoReceipt receipt = erp.postCreditMemo(request);

            assertThat(receipt.taxByJurisdiction()).containsExactly(new JurisdictionTax("FR", eur(860), eur(172)));
            assertThat(erp.creditMemos()).singleElement().extracting(SandboxErp.CreditMemo::taxByJurisdiction)
                    .isEqualTo(List.of(new JurisdictionTax("FR", eur(860), eur(172))));
        }

        @Test
        void an_exchanges_price_difference_tax_is_posted_beside_the_lines_tax_where_named() {
            List<JurisdictionTax> withDifference = List.of(new JurisdictionTax("FR", eur(860), eur(172)),
                    new JurisdictionTax("DE", eur(-4000), eur(-760)));
            CreditMemoRequest named = new CreditMemoRequest("R-1:POST_CREDIT_MEMO", "R-1", "ORD-1002", "CUST-200",
                    List.of(line(1032)), eur(0), eur(1032), withDifference, eur(-760));
            CreditMemoRequest unnamed = new CreditMemoRequest("R-2:POST_CREDIT_MEMO", "R-2", "ORD-1002", "CUST-200",
                    List.of(line(1032)), eur(0), eur(1032), withDifference);

            assertThat(erp.postCreditMemo(named).taxByJurisdiction()).isEqualTo(withDifference);
            assertRejected(() -> erp.postCreditMemo(unnamed), "TAX_MISMATCH");
        }

        @Test
        void tax_lines_that_do_not_add_up_to_the_memos_tax_are_refused() {
            CreditMemoRequest request = new CreditMemoRequest("R-1:POST_CREDIT_MEMO", "R-1", "ORD-1002", "CUST-200",
                    List.of(line(1032)), eur(0), eur(1032), List.of(new JurisdictionTax("FR", eur(860), eur(171))));

            assertRejected(() -> erp.postCreditMemo(request), "TAX_MISMATCH");
            assertThat(erp.creditMemos()).isEmpty();
        }

        @Test
        void a_memo_of_nothing_is_refused() {
            CreditMemoRequest request = new CreditMemoRequest("R-1:POST_CREDIT_MEMO", "R-1", "ORD-1002", "CUST-200",
                    List.of(), eur(0), eur(0));

            assertRejected(() -> erp.postCreditMemo(request), "INVALID_AMOUNT");
        }

        @Test
        void a_memo_mixing_currencies_is_refused() {
            CreditMemoRequest request = new CreditMemoRequest("R-1:POST_CREDIT_MEMO", "R-1", "ORD-1002", "CUST-200",
                    List.of(line(1032)), Money.zero("GBP"), Money.of(1032, "GBP"));

            assertRejected(() -> erp.postCreditMemo(request), "CURRENCY_MISMATCH");
        }

        @Test
        void an_injected_failure_is_retryable_and_posts_nothing() {
            erp.behaviour().setFailureRate(1.0);

            assertUnavailable(() -> erp.postCreditMemo(memo("R-1:POST_CREDIT_MEMO", 1032, 0)));
            assertThat(erp.creditMemos()).isEmpty();
        }
    }

    @Nested
    class StockMovements {

        @ParameterizedTest
        @EnumSource(value = Disposition.class, names = {"RESTOCK", "REFURBISH", "RETURN_TO_CUSTOMER"})
        void sellable_refurbishable_or_held_items_come_into_stock_at_the_receiving_location(Disposition disposition) {
            InventoryReceipt receipt = erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, disposition));

            assertThat(receipt.movementId()).isEqualTo("MV-000001");
            assertThat(erp.stockMovements()).singleElement().satisfies(movement -> {
                assertThat(movement.effect()).isEqualTo(StockEffect.INTO_STOCK);
                assertThat(movement.locationId()).isEqualTo("DC-EAST");
                assertThat(movement.stockChange()).isEqualTo(2);
            });
            assertThat(erp.stockOnHand("DC-EAST", "JKT-RAIN-NVY-M")).isEqualTo(2);
        }

        @ParameterizedTest
        @EnumSource(value = Disposition.class, names = {"SCRAP", "LIQUIDATE", "RETURN_TO_VENDOR"})
        void scrapped_liquidated_or_vendor_bound_items_are_written_off(Disposition disposition) {
            erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, disposition));

            assertThat(erp.stockMovements()).singleElement().satisfies(movement -> {
                assertThat(movement.effect()).isEqualTo(StockEffect.WRITE_OFF);
                assertThat(movement.disposition()).isEqualTo(disposition);
                assertThat(movement.quantity()).isEqualTo(2);
                assertThat(movement.stockChange()).isZero();
            });
            assertThat(erp.stockOnHand("DC-EAST", "JKT-RAIN-NVY-M")).isZero();
        }

        @Test
        void every_disposition_either_restocks_or_writes_off() {
            for (Disposition disposition : Disposition.values()) {
                assertThat(StockEffect.of(disposition)).as(disposition.name()).isNotNull();
            }
        }

        @Test
        void the_same_movement_again_moves_nothing_more() {
            InventoryReceipt first = erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, Disposition.RESTOCK));

            assertThat(erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, Disposition.RESTOCK)))
                    .isEqualTo(first);
            assertThat(erp.stockMovements()).hasSize(1);
            assertThat(erp.stockOnHand("DC-EAST", "JKT-RAIN-NVY-M")).isEqualTo(2);
        }

        @Test
        void another_movement_under_a_used_key_is_refused_as_a_conflict() {
            erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, Disposition.RESTOCK));

            ConnectorException conflict = assertRejected(
                    () -> erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, Disposition.SCRAP)),
                    "IDEMPOTENCY_CONFLICT");

            assertThat(conflict.system()).isEqualTo(ExternalSystem.ERP_INVENTORY);
            assertThat(erp.stockOnHand("DC-EAST", "JKT-RAIN-NVY-M")).isEqualTo(2);
        }

        @Test
        void a_movement_of_no_units_is_refused() {
            assertRejected(() -> erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 0, Disposition.RESTOCK)),
                    "INVALID_REQUEST");
            assertThat(erp.stockMovements()).isEmpty();
        }

        @Test
        void an_injected_failure_is_retryable_and_moves_nothing() {
            erp.behaviour().setFailureRate(1.0);

            assertUnavailable(() -> erp.adjustInventory(movement("R-1:ADJUST_INVENTORY:L1", 2, Disposition.RESTOCK)));
            assertThat(erp.stockMovements()).isEmpty();
            assertThat(erp.stockOnHand("DC-EAST", "JKT-RAIN-NVY-M")).isZero();
        }
    }

    private static CreditMemoRequest memo(String key, long lineAmount, long shipping) {
        return new CreditMemoRequest(key, key.substring(0, key.indexOf(':')), "ORD-1002", "CUST-200",
                List.of(line(lineAmount)), eur(shipping), eur(lineAmount + shipping));
    }

    /** The socks of ORD-1002: 8.60 net of promotions plus 1.72 tax. */
    private static LineRefund line(long amount) {
        return new LineRefund("ORD-1002-L2", 1, eur(amount - 172), eur(172), eur(0), eur(0), eur(amount),
                List.of("PRORATED_ORDER_PROMOTION"));
    }

    private static InventoryAdjustmentRequest movement(String key, int quantity, Disposition disposition) {
        return new InventoryAdjustmentRequest(key, "R-1", "ORD-1001-L1", "JKT-RAIN-NVY-M", quantity, disposition,
                "DC-EAST");
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
