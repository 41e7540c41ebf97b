package io.omnireturns.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API's request bodies are read exactly as written: a body names only the fields its operation takes
 * ({@code UNKNOWN_FIELD}, mass assignment), names each once ({@code DUPLICATE_FIELD}), and gives every value in its
 * own JSON type: {@code 1.5} or {@code "1"} is not a quantity, {@code 1001} is not an order id and {@code 0} is not
 * an enum constant ({@code MALFORMED_REQUEST}). Failing on null primitives would also fail on an optional field left
 * out ({@code needsManualReview}), so a form declares each required number or flag boxed and {@code @NotNull}: an
 * explicit {@code null} is then a {@code VALIDATION_FAILED}, never a silent 0 or {@code false}.
 * <p>
 * Only the web's converter gets these rules, on a copy of Boot's mapper: webhooks (read as bytes by their own
 * reader), connector answers from other systems (the connectors' RestClient shares Boot's instances) and the stored
 * format (Axon's dedicated mapper) stay as they are.
 */
public class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                converters.set(i, new MappingJackson2HttpMessageConverter(strict(json.getObjectMapper().copy())));
            }
        }
    }

    /** Applies the rules above to the given mapper (pass a copy) and returns it. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // ALLOW_COERCION_OF_SCALARS leaves text alone: a number or a boolean is not a string either
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
