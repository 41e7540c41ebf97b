package io.omnireturns.api.integration;

/**
 * {@code io.omnireturns.return.label.issued.v1}: the carrier issued a return label. The label and its tracking number
 * lead to the customer's address, so they stay out of the contract.
 */
public record ReturnLabelIssuedV1(String returnId, String carrier) {
}
