package io.omnireturns.api.returns.command;

import io.omnireturns.api.returns.RefundMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * At the first carrier scan of a mail-back return: refund it now, before inspection, if the instant-refund policy
 * allows it for the customer's trust tier. The order's ledger allocates the refund for the authorized lines as declared
 * (best grade, no deductions), the return approves it ({@code EarlyRefundGranted}, {@code RefundApproved}) and records
 * it requested under {@code paymentKey}, in one transaction. An exchange is settled likewise
 * ({@code EarlyExchangeGranted}, {@code RefundApproved}, its price difference decided, a cheaper replacement's
 * difference requested under {@code paymentKey}); the process then charges a dearer one's and orders the replacement.
 * Declined by the policy, it changes nothing.
 */
public record DecideEarlyRefund(@TargetAggregateIdentifier String returnId, String orderId, RefundMethod refundMethod,
                                String paymentKey) {
}
