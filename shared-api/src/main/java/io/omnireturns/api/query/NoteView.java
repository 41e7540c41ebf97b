package io.omnireturns.api.query;

import java.time.Instant;

/** A note on a return: plain text as written (clients show it as text, never as markup). */
public record NoteView(String noteId, String author, String text, Instant at) {
}
