package io.omnireturns.query.finance;

import org.springframework.test.context.TestPropertySource;

/**
 * The same reconciliation with the engine's optimisations off ({@code omnireturns.engine.optimised=false}): live
 * events booked one by one, each in a savepoint, rather than once per return and batch ({@link FinanceLedgerBatch}).
 * Both ways must book the same.
 */
@TestPropertySource(properties = "omnireturns.engine.optimised=false")
class ReconciliationPerEventIntegrationTest extends ReconciliationIntegrationTest {
}
