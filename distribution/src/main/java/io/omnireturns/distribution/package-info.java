/**
 * Event distribution: the canonical return events ({@code io.omnireturns.api.integration}) pushed to the retailer's
 * other systems. {@code kafka}: a streaming processor publishing CloudEvents to a topic, keyed by return id.
 * {@code webhooks}: subscriptions managed by operations, signed deliveries (Standard Webhooks), retries, dead letters.
 */
package io.omnireturns.distribution;
