package io.omnireturns.api.catalogue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed event catalogue is the code's: a changed field, revision or meaning without a regenerated
 * {@code docs/event-catalogue.md} fails the build. {@code -Devent-catalogue.write=true} rewrites the file instead.
 */
class EventCatalogueTest {

    @Test
    void the_committed_event_catalogue_matches_the_event_records() throws IOException {
        Path committed = EventCatalogue.committedFile();
        String generated = EventCatalogue.render();
        if (Boolean.getBoolean("event-catalogue.write")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }

        assertThat(committed).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/event-catalogue.md is out of date; regenerate it with: " + EventCatalogue.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void every_stored_event_has_a_meaning_and_a_revision() {
        assertThat(EventCatalogue.events()).containsKeys("io.omnireturns.api.returns.event", "io.omnireturns.api.ledger");
        assertThat(EventCatalogue.events().values()).allSatisfy(events -> assertThat(events).allSatisfy(event -> {
            assertThat(EventCatalogue.meaning(event).value()).isNotBlank();
            assertThat(EventCatalogue.revision(event)).matches("[1-9][0-9]*");
        }));
    }

    @Test
    void a_renamed_field_is_documented_with_its_new_revision() {
        String catalogue = EventCatalogue.render();

        assertThat(catalogue).contains("| [CustomerNotified](#customernotified) | 2 |");
        assertThat(catalogue).contains("Revision 2. Changed in revision 2: notificationChannel renamed to channel.");
    }
}
