package io.omnireturns.api.integration;

import io.omnireturns.api.catalogue.EventCatalogue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract as a whole: every stored event is translated or deliberately internal, every canonical type is
 * produced, ids are stable, and no personal data slips into any data record.
 */
class CanonicalContractCoverageTest {

    private final CanonicalEventTranslator translator = new CanonicalEventTranslator();

    private static Set<Class<?>> storedEvents() {
        return EventCatalogue.events().values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
    }

    @Test
    void every_stored_event_is_either_translated_or_listed_as_internal_only_with_a_reason() {
        for (Class<?> event : storedEvents()) {
            boolean translated = CanonicalEventTranslator.translatedEvents().contains(event);
            boolean internal = CanonicalEventTranslator.INTERNAL_ONLY.containsKey(event);
            assertThat(translated ^ internal)
                    .as(event.getSimpleName() + " must be translated (CanonicalData) or listed in "
                            + "CanonicalEventTranslator.INTERNAL_ONLY, not both and not neither")
                    .isTrue();
        }
        assertThat(CanonicalEventTranslator.INTERNAL_ONLY.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void the_translator_and_the_internal_only_list_name_only_stored_events() {
        assertThat(storedEvents()).containsAll(CanonicalEventTranslator.translatedEvents());
        assertThat(storedEvents()).containsAll(CanonicalEventTranslator.INTERNAL_ONLY.keySet());
    }

    @Test
    void the_examples_cover_every_translated_event_and_together_give_every_canonical_type_with_its_own_record() {
        List<Object> examples = InternalEvents.everyTranslated();
        assertThat(examples.stream().map(Object::getClass).collect(Collectors.toSet()))
                .isEqualTo(CanonicalEventTranslator.translatedEvents());

        Set<String> produced = new HashSet<>();
        for (Object internal : examples) {
            for (CanonicalEvent event : translator.translate("e", 1, Instant.EPOCH, internal)) {
                CanonicalType type = CanonicalTypes.of(event.type()).orElseThrow(() ->
                        new AssertionError(event.type() + " is not in CanonicalTypes.ALL"));
                assertThat(event.data()).isInstanceOf(type.dataType());
                produced.add(event.type());
            }
        }
        assertThat(produced).containsExactlyInAnyOrderElementsOf(
                CanonicalTypes.ALL.stream().map(CanonicalType::name).toList());
    }

    @Test
    void every_canonical_type_is_versioned_named_once_and_has_its_own_v1_record_with_a_meaning() {
        assertThat(CanonicalTypes.ALL).allSatisfy(type -> {
            assertThat(type.name()).matches("io\\.omnireturns\\.return\\.[a-z_]+(\\.[a-z_]+)?\\.v[1-9][0-9]*");
            assertThat(type.dataType().getSimpleName()).endsWith("V1");
            assertThat(type.dataType().getPackageName()).isEqualTo("io.omnireturns.api.integration");
            assertThat(type.meaning()).isNotBlank();
        });
        assertThat(CanonicalTypes.ALL.stream().map(CanonicalType::name).distinct()).hasSize(CanonicalTypes.ALL.size());
        assertThat(CanonicalTypes.ALL.stream().map(CanonicalType::dataType).distinct())
                .hasSize(CanonicalTypes.ALL.size());
    }

    @Test
    void no_data_record_carries_names_addresses_contacts_tracking_numbers_labels_or_text_typed_by_people() {
        List<String> personal = List.of("Jane", "555-0100", "@example.com", "JD0146", "labels.example", "****4242",
                "smells", "wedding", "kept it", "service-agent", "Trail shoe");
        for (Object internal : InternalEvents.everyTranslated()) {
            for (CanonicalEvent event : translator.translate("e", 1, Instant.EPOCH, internal)) {
                String data = String.valueOf(event.data());
                assertThat(personal).as(event.type() + ": " + data).noneMatch(data::contains);
            }
        }
    }

    @Property(tries = 200)
    void the_same_internal_event_always_gives_the_same_canonical_ids_and_they_are_unique_per_event(
            @ForAll("internalEvents") Object internal, @ForAll("eventIds") String eventId) {
        List<CanonicalEvent> first = translator.translate(eventId, 3, Instant.EPOCH, internal);
        List<CanonicalEvent> again = translator.translate(eventId, 3, Instant.EPOCH, internal);

        assertThat(again).isEqualTo(first);
        assertThat(first).isNotEmpty();
        assertThat(first.get(0).id()).isEqualTo(eventId);
        assertThat(first.stream().map(CanonicalEvent::id).distinct()).hasSize(first.size());
        assertThat(first).allSatisfy(event -> assertThat(event.id()).startsWith(eventId));
    }

    @Provide
    Arbitrary<Object> internalEvents() {
        return Arbitraries.of(InternalEvents.everyTranslated());
    }

    @Provide
    Arbitrary<String> eventIds() {
        return Arbitraries.strings().withCharRange('a', 'f').numeric().withChars('-').ofMinLength(1).ofMaxLength(36);
    }
}
