package io.omnireturns.api.integration;

/**
 * One type of the public contract: its versioned name (CloudEvents {@code type}), the record its {@code data} is, and
 * what it means to a consumer (shown in the catalogue and the schema).
 */
public record CanonicalType(String name, Class<? extends Record> dataType, String meaning) {
}
