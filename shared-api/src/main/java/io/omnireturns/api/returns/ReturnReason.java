package io.omnireturns.api.returns;

/** Why the customer sends an item back. The first four are the retailer's fault. */
public enum ReturnReason {
    DEFECTIVE(true),
    WRONG_ITEM_SENT(true),
    DAMAGED_IN_TRANSIT(true),
    NOT_AS_DESCRIBED(true),
    SIZE_OR_FIT(false),
    CHANGED_MIND(false),
    ARRIVED_LATE(false),
    OTHER(false);

    private final boolean retailerFault;

    ReturnReason(boolean retailerFault) {
        this.retailerFault = retailerFault;
    }

    public boolean isRetailerFault() {
        return retailerFault;
    }
}
