package io.omnireturns.console.warehouse;

import java.util.List;

/** Quantities typed at the bench. */
final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The number typed, null when nothing was typed, or null with a problem added when it is not a whole number. */
    static Integer parse(String text, String what, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            problems.add(what + " must be a whole number, not \"" + text.strip() + "\".");
            return null;
        }
    }
}
