package io.omnireturns.api.catalogue;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an event means, in one line of the business's words, and how its stored form changed. The event catalogue
 * ({@code docs/event-catalogue.md}) is generated from these, so the meaning lives beside the record it describes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventMeaning {

    /** One line: what happened. */
    String value();

    /**
     * Each revision after the first, oldest first, as {@code "<revision>: <what changed>"}; events stored in an
     * older revision are upcast when read.
     */
    String[] revisions() default {};
}
