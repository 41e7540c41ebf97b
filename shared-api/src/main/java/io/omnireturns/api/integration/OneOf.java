package io.omnireturns.api.integration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string field of a canonical data record whose value is one of a closed list: the names of the enum given. The
 * contract carries strings, not the internal enums, but the schema lists the values; a value added to the enum shows
 * as a schema change, so the drift test makes it a deliberate one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface OneOf {
    Class<? extends Enum<?>> value();
}
