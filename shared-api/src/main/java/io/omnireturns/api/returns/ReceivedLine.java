package io.omnireturns.api.returns;

/**
 * What arrived for one return line. {@code receivedSku} is set when the item in the parcel is not the
 * one expected (wrong item); it then does not count as received for that line.
 */
public record ReceivedLine(String orderLineId, int quantity, String receivedSku) {

    public boolean isWrongItem(String expectedSku) {
        return receivedSku != null && !receivedSku.isBlank() && !receivedSku.equals(expectedSku);
    }
}
