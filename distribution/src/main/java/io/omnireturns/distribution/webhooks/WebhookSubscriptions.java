package io.omnireturns.distribution.webhooks;

import io.omnireturns.api.integration.CanonicalTypes;
import io.omnireturns.platform.webhooks.WebhookSecret;
import org.springframework.stereotype.Service;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What operations do with subscriptions: register, read, rotate the secret, switch back on. Every check comes before
 * the first write, so a refused request changes nothing.
 */
@Service
public class WebhookSubscriptions {

    /** Every canonical event type (the constants of {@link CanonicalTypes}, however many it gains). */
    static final Set<String> EVENT_TYPES = canonicalTypes();

    private final SubscriptionRepository subscriptions;
    private final DestinationAllowList allowList;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSubscriptions(SubscriptionRepository subscriptions, DestinationAllowList allowList,
                         WebhookProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.allowList = allowList;
        this.properties = properties;
        this.clock = clock;
    }

    public SubscriptionView register(SubscriptionRequest request) {
        List<String> types = List.copyOf(new LinkedHashSet<>(request.eventTypes().stream().map(String::strip).toList()));
        for (String type : types) {
            if (!EVENT_TYPES.contains(type)) {
                throw WebhookErrors.unknownEventType(type, EVENT_TYPES);
            }
        }
        byte[] secret = secret(request.secret());
        String url = allowList.checkRegistration(request.url()).toString();
        String id = UUID.randomUUID().toString();
        subscriptions.insert(id, url, types, request.description(), secret, clock.instant());
        return get(id);
    }

    public List<SubscriptionView> all() {
        return subscriptions.findAll();
    }

    public SubscriptionView get(String subscriptionId) {
        return subscriptions.find(subscriptionId)
                .orElseThrow(() -> WebhookErrors.subscriptionNotFound(subscriptionId));
    }

    /** The new secret signs from now; the old one also signs for {@code omnireturns.webhooks.secret-overlap}. */
    public SubscriptionView rotateSecret(String subscriptionId, SecretRotationRequest request) {
        byte[] secret = secret(request.secret());
        Instant now = clock.instant();
        if (!subscriptions.rotate(subscriptionId, secret, now.plus(properties.secretOverlap()), now)) {
            throw WebhookErrors.subscriptionNotFound(subscriptionId);
        }
        return get(subscriptionId);
    }

    /** Switches a subscription (back) on: what it missed while off is not recorded, what was pending is sent. */
    public SubscriptionView activate(String subscriptionId) {
        SubscriptionView current = get(subscriptionId);
        allowList.checkRegistration(current.url());
        subscriptions.changeState(subscriptionId, SubscriptionState.ACTIVE, null, clock.instant());
        return get(subscriptionId);
    }

    /** Switches a subscription off: nothing more is recorded for it or sent to it until it is activated again. */
    public SubscriptionView deactivate(String subscriptionId) {
        if (!subscriptions.changeState(subscriptionId, SubscriptionState.DISABLED, "switched off by operations",
                clock.instant())) {
            throw WebhookErrors.subscriptionNotFound(subscriptionId);
        }
        return get(subscriptionId);
    }

    private static byte[] secret(String value) {
        try {
            return WebhookSecret.parse(value, "secret");
        } catch (IllegalArgumentException refused) {
            throw WebhookErrors.invalidSecret(refused.getMessage());
        }
    }

    private static Set<String> canonicalTypes() {
        Set<String> types = new TreeSet<>();
        Arrays.stream(CanonicalTypes.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(WebhookSubscriptions::valueOf)
                .forEach(types::add);
        return Collections.unmodifiableSet(types);
    }

    private static String valueOf(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
