package io.omnireturns.chaos.settle;

/** The admin verification's answer: equal (null: not asked) and how many returns it compared (-1: not asked). */
public record ViewCheck(Boolean equal, long compared) {

    public static final ViewCheck UNKNOWN = new ViewCheck(null, -1);
}
