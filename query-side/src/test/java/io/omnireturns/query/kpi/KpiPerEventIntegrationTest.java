package io.omnireturns.query.kpi;

import org.springframework.test.context.TestPropertySource;

/**
 * The same KPIs with the engine's optimisations off ({@code omnireturns.engine.optimised=false}): every event written
 * on its own, in a savepoint, as before {@link KpiBatch}. Both ways must give the same figures.
 */
@TestPropertySource(properties = "omnireturns.engine.optimised=false")
class KpiPerEventIntegrationTest extends KpiIntegrationTest {
}
