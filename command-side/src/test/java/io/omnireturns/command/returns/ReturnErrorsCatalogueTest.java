package io.omnireturns.command.returns;

import io.omnireturns.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code a return refuses with is in the one catalogue (ErrorCode), so the API document and docs know it. */
class ReturnErrorsCatalogueTest {

    @Test
    void every_return_error_code_is_catalogued() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field field : ReturnErrors.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String code = (String) field.get(null);
                if (ErrorCode.of(code).isEmpty()) {
                    missing.add(code);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
