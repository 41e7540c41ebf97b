package io.omnireturns.command.returns;

import io.omnireturns.api.returns.DeclineReason;
import io.omnireturns.api.returns.PolicyOverride;
import io.omnireturns.api.returns.ReturnStatus;
import io.omnireturns.api.returns.command.AddReturnNote;
import io.omnireturns.api.returns.command.DeclineReturn;
import io.omnireturns.api.returns.command.GrantGoodwill;
import io.omnireturns.api.returns.event.GoodwillGranted;
import io.omnireturns.api.returns.event.ReturnDeclined;
import io.omnireturns.api.returns.event.ReturnNoteAdded;
import io.omnireturns.platform.architecture.PlainJava;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.omnireturns.command.returns.ReturnErrors.*;

/**
 * The rules of what a person may decide on a return by hand (decline, goodwill, notes), apart from the return's
 * state: each decision answers the events to apply (none for a repeat) or refuses with a stable code, and changes
 * nothing.
 */
@PlainJava
final class StaffDecisions {

    /** The longest note, in characters; longer text belongs in a document, not on the return. */
    static final int NOTE_MAX_LENGTH = 2000;
    /** Notes per return: enough for a long dispute, bounded so a loop cannot grow a return for ever. */
    static final int NOTES_MAX = 200;
    static final int DECLINE_NOTE_MAX_LENGTH = 500;

    /** Before money moves: a return may be declined until its refund is decided. */
    private static final Set<ReturnStatus> DECLINABLE = EnumSet.of(ReturnStatus.REQUESTED, ReturnStatus.AUTHORIZED,
            ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.INSPECTED);
    /** Eligibility is decided and the refund is not: the only window in which the policy can be set aside. */
    private static final Set<ReturnStatus> GOODWILL_WINDOW = EnumSet.of(ReturnStatus.AUTHORIZED,
            ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED, ReturnStatus.INSPECTED);

    private StaffDecisions() {
    }

    /** Declined by a person before any refund is decided: terminal, like a rejection; open exceptions end with it. */
    static List<Object> decline(DeclineReturn command, ReturnState state) {
        checkDeclineInput(command.reason(), command.note());
        if (state.declineReason != null && state.declineReason == command.reason()
                && Objects.equals(state.declineNote, command.note())) {
            return List.of(); // the same decline again
        }
        checkDeclinable(state.status, state.heldFrom, state.approvedRefund != null);
        List<Object> events = ReturnHolds.resolveOpenExceptions(state, "DECLINE", command.declinedBy());
        events.add(new ReturnDeclined(state.returnId, state.orderId, command.reason(), command.note(),
                command.declinedBy(), state.status));
        return events;
    }

    /** Goodwill sets the refund policy's deductions aside; the refund decided afterwards follows it. */
    static List<Object> grantGoodwill(GrantGoodwill command, ReturnState state) {
        if (state.goodwillReason != null && state.goodwillReason.equals(command.reason())) {
            return List.of(); // the same grant again
        }
        if (state.goodwillReason != null) {
            throw illegalState(GOODWILL_ALREADY_GRANTED, "goodwill was already granted on this return");
        }
        checkGoodwillAllowed(state.status, state.heldFrom, state.approvedRefund != null, command.reason());
        return List.of(new GoodwillGranted(state.returnId, PolicyOverride.DEDUCTIONS_WAIVED, command.reason(),
                command.grantedBy()));
    }

    /** A note changes nothing but the record; it may be written at any time, also after the return ended. */
    static List<Object> addNote(AddReturnNote command, ReturnState state) {
        checkNote(command.noteId(), command.text());
        if (isRepeatOf(state.noteTextHashes.get(command.noteId()), command.text())) {
            return List.of();
        }
        checkRoomForNote(state.noteTextHashes.size());
        return List.of(new ReturnNoteAdded(state.returnId, command.noteId(), command.text(), command.author()));
    }

    private static void checkDeclineInput(DeclineReason reason, String note) {
        if (reason == null) {
            throw invalid(DECLINE_REASON_REQUIRED, "a decline names its reason, one of the decline reason codes");
        }
        if (reason.needsNote() && isBlank(note)) {
            throw invalid(NOTE_REQUIRED, "a decline for reason " + reason + " needs a note saying what it is");
        }
        if (note != null && note.length() > DECLINE_NOTE_MAX_LENGTH) {
            throw invalid(NOTE_TOO_LONG, "a decline note has at most " + DECLINE_NOTE_MAX_LENGTH + " characters");
        }
    }

    /** A return may be declined until its refund is decided: never once money was approved, requested or paid. */
    private static void checkDeclinable(ReturnStatus status, ReturnStatus heldFrom, boolean refundDecided) {
        // money first: a completed return answers that its refund moved, not merely that it is over
        if (!refundDecided && status.isTerminal()) {
            throw illegalState(RETURN_IS_TERMINAL, "cannot decline a return that is " + status);
        }
        ReturnStatus effective = status == ReturnStatus.ON_HOLD ? heldFrom : status;
        if (refundDecided || !DECLINABLE.contains(effective)) {
            throw illegalState(RETURN_NOT_DECLINABLE, "a return can be declined only before its refund is decided; "
                    + "it is " + status + (status == ReturnStatus.ON_HOLD ? " (from " + heldFrom + ")" : "")
                    + (refundDecided ? " with its refund decided" : ""));
        }
    }

    private static void checkGoodwillAllowed(ReturnStatus status, ReturnStatus heldFrom, boolean refundDecided,
                                     String reason) {
        if (isBlank(reason)) {
            throw invalid(REASON_REQUIRED, "a goodwill exception needs a reason");
        }
        if (refundDecided) {
            throw illegalState(REFUND_ALREADY_APPROVED, "the refund of this return is already decided");
        }
        if (status.isTerminal()) {
            throw illegalState(RETURN_IS_TERMINAL, "cannot grant goodwill on a return that is " + status);
        }
        ReturnStatus effective = status == ReturnStatus.ON_HOLD ? heldFrom : status;
        if (!GOODWILL_WINDOW.contains(effective)) {
            throw illegalState(GOODWILL_NOT_ALLOWED, "goodwill applies once the return is authorized and before its "
                    + "refund is decided; it is " + status);
        }
    }

    private static void checkNote(String noteId, String text) {
        if (isBlank(noteId)) {
            throw invalid(NOTE_ID_REQUIRED, "a note needs an id (the Idempotency-Key)");
        }
        if (isBlank(text)) {
            throw invalid(NOTE_REQUIRED, "a note needs text");
        }
        if (text.length() > NOTE_MAX_LENGTH) {
            throw invalid(NOTE_TOO_LONG, "a note has at most " + NOTE_MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw invalid(NOTE_HAS_CONTROL_CHARACTERS, "a note is plain text: no control characters but line "
                        + "breaks and tabs");
            }
        }
    }

    /** The same note id again: the same text is a repeat (harmless), other text a misused key. */
    private static boolean isRepeatOf(Integer earlierTextHash, String text) {
        if (earlierTextHash == null) {
            return false;
        }
        if (earlierTextHash != text.hashCode()) {
            throw rule(IDEMPOTENCY_KEY_REUSED, "this note id was used for another text");
        }
        return true;
    }

    private static void checkRoomForNote(int notes) {
        if (notes >= NOTES_MAX) {
            throw rule(TOO_MANY_NOTES, "a return holds at most " + NOTES_MAX + " notes");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
