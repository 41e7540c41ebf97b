package io.omnireturns.api.returns.event;

import io.omnireturns.api.catalogue.EventMeaning;
import org.axonframework.serialization.Revision;

@EventMeaning("A person wrote a note on the return (plain text, shown as written, never interpreted as markup).")
@Revision("1")
public record ReturnNoteAdded(String returnId, String noteId, String text, String author) implements ReturnEvent {
}
