package io.omnireturns.console.shell;

import java.util.List;

/** Quantities typed into a console form (text fields, so a wrong value is shown back with a message). */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The number typed, null when nothing was typed, or null with a problem added when it is not a whole number. */
    public static Integer parse(String text, String what, List<String> problems) {
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
