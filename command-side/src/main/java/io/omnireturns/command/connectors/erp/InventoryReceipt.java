package io.omnireturns.command.connectors.erp;

public record InventoryReceipt(String movementId) {
}
