/**
 * The public contract on the wire: {@link io.omnireturns.distribution.contract.CloudEventJson} writes a canonical
 * event ({@code io.omnireturns.api.integration}) as the CloudEvents 1.0 JSON document that Kafka and the webhooks
 * send. The schemas and the catalogue it follows are under {@code docs/events/schemas/} and
 * {@code docs/integration-events.md}, generated and checked by {@code CanonicalContractDocsTest}.
 */
package io.omnireturns.distribution.contract;
