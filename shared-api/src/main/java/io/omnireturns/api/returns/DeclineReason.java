package io.omnireturns.api.returns;

/**
 * Why a person declined a return by hand: a closed list, so reports and the customer's notice can rely on it.
 * {@link #OTHER} needs a note saying what it is.
 */
public enum DeclineReason {
    OUTSIDE_RETURN_WINDOW("the items came back, or were asked for, after the return window"),
    ITEM_NOT_AS_DESCRIBED("what was sent back is not what the request described"),
    SUSPECTED_FRAUD("the return is believed to be fraudulent"),
    DAMAGED_BY_CUSTOMER("the items were damaged after delivery, by the customer"),
    NOT_RETURNABLE("the items may not be returned (hygiene, personalised, final sale)"),
    OTHER("another reason, given in the note");

    private final String meaning;

    DeclineReason(String meaning) {
        this.meaning = meaning;
    }

    /** One line for people: the catalogue and the API document show it. */
    public String meaning() {
        return meaning;
    }

    public boolean needsNote() {
        return this == OTHER;
    }
}
