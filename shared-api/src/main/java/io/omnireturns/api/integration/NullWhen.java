package io.omnireturns.api.integration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a canonical data record that may be {@code null}, and when. Every other field is always present and
 * never null; the JSON Schemas and the catalogue are generated from this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface NullWhen {
    String value();
}
