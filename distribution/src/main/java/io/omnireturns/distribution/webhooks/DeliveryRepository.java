package io.omnireturns.distribution.webhooks;

import io.omnireturns.api.integration.CanonicalEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.omnireturns.distribution.webhooks.SubscriptionRepository.instant;

/**
 * The outbox of deliveries. A (subscription, return) pair is a queue in the return's order; only its head (the
 * oldest delivery not yet delivered) is ever sent, and not while it is a dead letter. A node claims heads by
 * writing a lease on them in one statement: rows another node is claiming at that moment are skipped
 * ({@code for update skip locked}), and a lease is re-checked under the row lock, so two nodes never send one
 * delivery at once and neither waits for the other.
 */
@Repository
class DeliveryRepository {

    private static final String VIEW_COLUMNS = "d.delivery_id, d.subscription_id, d.event_id, e.event_type, "
            + "d.return_id, d.sequence, d.state, d.attempts, d.recorded_at, d.next_attempt_at, d.last_attempt_at, "
            + "d.last_status, d.last_error, d.delivered_at, d.dead_at";

    private static final RowMapper<DeliveryView> VIEW = (rs, row) -> new DeliveryView(rs.getLong("delivery_id"),
            rs.getString("subscription_id"), rs.getString("event_id"), rs.getString("event_type"),
            rs.getString("return_id"), rs.getLong("sequence"), DeliveryState.valueOf(rs.getString("state")),
            rs.getInt("attempts"), instant(rs, "recorded_at"), instant(rs, "next_attempt_at"),
            instant(rs, "last_attempt_at"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
            instant(rs, "delivered_at"), instant(rs, "dead_at"));

    /** A claimed delivery: what to send, and to where. */
    record Claimed(long deliveryId, String subscriptionId, String url, String eventId, int attempts, byte[] body) {
        @Override
        public String toString() {
            return "Claimed[" + deliveryId + " of " + eventId + " to " + subscriptionId + "]";
        }
    }

    private final JdbcTemplate jdbc;

    DeliveryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction: the event once, one pending delivery per subscriber (none twice). */
    void record(CanonicalEvent event, byte[] body, List<String> subscriptionIds) {
        Timestamp occurred = Timestamp.from(event.time());
        jdbc.update("insert into webhook_event (event_id, event_type, return_id, sequence, occurred_at, body) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                event.id(), event.type(), event.subject(), event.sequence(), occurred, body);
        for (String subscriptionId : subscriptionIds) {
            jdbc.update("insert into webhook_delivery (subscription_id, event_id, return_id, sequence, state, "
                            + "next_attempt_at, recorded_at) values (?, ?, ?, ?, 'PENDING', now(), now()) "
                            + "on conflict on constraint webhook_delivery_once do nothing",
                    subscriptionId, event.id(), event.subject(), event.sequence());
        }
    }

    /** The subscriptions that are on and have a head to send now. */
    List<String> subscriptionsWithDueDeliveries(Instant now) {
        return jdbc.queryForList("select s.subscription_id from webhook_subscription s where s.state = 'ACTIVE' "
                + "and exists (select 1 from webhook_delivery d where d.subscription_id = s.subscription_id "
                + "and d.state = 'PENDING' and d.next_attempt_at <= ?)", String.class, Timestamp.from(now));
    }

    /** Leases up to {@code limit} due heads of one subscription's queues to {@code node} until {@code leaseUntil}. */
    List<Claimed> claim(String subscriptionId, int limit, String node, Instant now, Instant leaseUntil) {
        Timestamp at = Timestamp.from(now);
        return jdbc.query("""
                with candidates as (
                    select d.delivery_id from webhook_delivery d
                    where d.delivery_id in (
                        select h.delivery_id from (
                            select distinct on (return_id) delivery_id, state, next_attempt_at, lease_until
                            from webhook_delivery
                            where subscription_id = ? and state in ('PENDING', 'DEAD')
                            order by return_id, sequence, delivery_id) h
                        where h.state = 'PENDING' and h.next_attempt_at <= ?
                          and (h.lease_until is null or h.lease_until < ?))
                      and d.state = 'PENDING' and (d.lease_until is null or d.lease_until < ?)
                    order by d.next_attempt_at
                    limit ?
                    for update of d skip locked),
                claimed as (
                    update webhook_delivery d set lease_until = ?, leased_by = ?
                    from candidates c where d.delivery_id = c.delivery_id
                    returning d.delivery_id, d.subscription_id, d.event_id, d.attempts)
                select c.delivery_id, c.subscription_id, s.url, c.event_id, c.attempts, e.body
                from claimed c
                join webhook_subscription s on s.subscription_id = c.subscription_id
                join webhook_event e on e.event_id = c.event_id
                """, (rs, row) -> new Claimed(rs.getLong("delivery_id"), rs.getString("subscription_id"),
                rs.getString("url"), rs.getString("event_id"), rs.getInt("attempts"), rs.getBytes("body")),
                subscriptionId, at, at, at, limit, Timestamp.from(leaseUntil), node);
    }

    void delivered(long deliveryId, int status, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("update webhook_delivery set state = 'DELIVERED', attempts = attempts + 1, last_status = ?, "
                + "last_error = null, last_attempt_at = ?, delivered_at = ?, lease_until = null, leased_by = null "
                + "where delivery_id = ?", status, at, at, deliveryId);
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or a dead letter when that is null. */
    void failed(long deliveryId, Integer status, String error, Instant now, Instant nextAttempt) {
        Timestamp at = Timestamp.from(now);
        String detail = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        if (nextAttempt == null) {
            jdbc.update("update webhook_delivery set state = 'DEAD', attempts = attempts + 1, last_status = ?, "
                    + "last_error = ?, last_attempt_at = ?, dead_at = ?, lease_until = null, leased_by = null "
                    + "where delivery_id = ?", status, detail, at, at, deliveryId);
        } else {
            jdbc.update("update webhook_delivery set attempts = attempts + 1, last_status = ?, last_error = ?, "
                    + "last_attempt_at = ?, next_attempt_at = ?, lease_until = null, leased_by = null "
                    + "where delivery_id = ?", status, detail, at, Timestamp.from(nextAttempt), deliveryId);
        }
    }

    /** Gives a claim back unsent (the subscription went off meanwhile). */
    void release(long deliveryId) {
        jdbc.update("update webhook_delivery set lease_until = null, leased_by = null where delivery_id = ?",
                deliveryId);
    }

    DeliveryPage log(String subscriptionId, int page, int size) {
        long total = jdbc.queryForObject("select count(*) from webhook_delivery where subscription_id = ?", Long.class,
                subscriptionId);
        List<DeliveryView> content = jdbc.query("select " + VIEW_COLUMNS + " from webhook_delivery d "
                + "join webhook_event e on e.event_id = d.event_id where d.subscription_id = ? "
                + "order by d.delivery_id desc limit ? offset ?", VIEW, subscriptionId, size, (long) page * size);
        return DeliveryPage.of(content, page, size, total);
    }

    DeliveryPage deadLetters(String subscriptionId, int page, int size) {
        String filter = subscriptionId == null ? "" : " and d.subscription_id = ?";
        Object[] filterArgs = subscriptionId == null ? new Object[0] : new Object[] {subscriptionId};
        long total = jdbc.queryForObject("select count(*) from webhook_delivery d where d.state = 'DEAD'" + filter,
                Long.class, filterArgs);
        Object[] args = subscriptionId == null ? new Object[] {size, (long) page * size}
                : new Object[] {subscriptionId, size, (long) page * size};
        List<DeliveryView> content = jdbc.query("select " + VIEW_COLUMNS + " from webhook_delivery d "
                + "join webhook_event e on e.event_id = d.event_id where d.state = 'DEAD'" + filter
                + " order by d.dead_at desc, d.delivery_id desc limit ? offset ?", VIEW, args);
        return DeliveryPage.of(content, page, size, total);
    }

    /** A dead letter back in its queue, due now with fresh attempts; false if there is no such dead letter. */
    boolean redeliver(long deliveryId, Instant now) {
        return jdbc.update("update webhook_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "dead_at = null, lease_until = null, leased_by = null where delivery_id = ? and state = 'DEAD'",
                Timestamp.from(now), deliveryId) == 1;
    }

    DeliveryView get(long deliveryId) {
        return jdbc.query("select " + VIEW_COLUMNS + " from webhook_delivery d join webhook_event e "
                + "on e.event_id = d.event_id where d.delivery_id = ?", VIEW, deliveryId).stream().findFirst()
                .orElseThrow(() -> WebhookErrors.deadLetterNotFound(deliveryId));
    }

    /** Deletes up to {@code limit} deliveries delivered before {@code cutoff}; answers how many. */
    int purgeDeliveredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from webhook_delivery where delivery_id in (
                    select delivery_id from webhook_delivery where state = 'DELIVERED' and delivered_at < ?
                    order by delivered_at limit ? for update skip locked)""", Timestamp.from(cutoff), limit);
    }

    /** Deletes up to {@code limit} stored events that no delivery refers to any more; answers how many. */
    int purgeUnreferencedEvents(int limit) {
        return jdbc.update("""
                delete from webhook_event where event_id in (
                    select e.event_id from webhook_event e
                    where not exists (select 1 from webhook_delivery d where d.event_id = e.event_id)
                    limit ? for update of e skip locked)""", limit);
    }

    /** How many deliveries are pending and dead, for the gauges. */
    Map<DeliveryState, Long> openCounts() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        counts.put(DeliveryState.PENDING, 0L);
        counts.put(DeliveryState.DEAD, 0L);
        jdbc.query("select state, count(*) from webhook_delivery where state in ('PENDING', 'DEAD') group by state",
                rs -> {
                    counts.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
