package io.omnireturns.command.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireturns.api.error.DomainException;
import io.omnireturns.api.error.ErrorKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Set;

/** Turns a (signed) body into the system's message, or refuses it as malformed (400) or invalid (400). */
@Component
class InboundMessageReader {

    private final ObjectMapper json;
    private final Validator validator;

    InboundMessageReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    InboundMessage read(IntegrationSystem system, byte[] body) {
        InboundMessage message;
        try {
            message = json.readerFor(system.messageType()).readValue(body);
        } catch (JsonProcessingException e) {
            throw malformed(system, e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(system, e.getMessage());
        }
        if (message == null) {
            throw malformed(system, "the body is empty");
        }
        Set<ConstraintViolation<InboundMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return message;
    }

    private static DomainException malformed(IntegrationSystem system, String reason) {
        String shortReason = reason == null ? "unreadable" : reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
        return new DomainException(ErrorKind.INVALID_INPUT, IntegrationErrors.MALFORMED_REQUEST,
                "the body is not a " + system.path() + " message: " + shortReason);
    }
}
