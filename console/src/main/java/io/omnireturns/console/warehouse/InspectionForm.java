package io.omnireturns.console.warehouse;

import io.omnireturns.api.returns.Disposition;
import io.omnireturns.api.returns.Grade;
import io.omnireturns.api.returns.InspectedLine;
import io.omnireturns.console.shell.WholeNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inspection form as typed: per received line the accepted and rejected quantities, the grade and the
 * disposition (the API's enums), whether a person must review it, and a note. Every line shown is inspected.
 */
public class InspectionForm {

    private String inspectionId;
    private List<Line> lines = new ArrayList<>();

    /** One line of the form. */
    public static class Line {
        private String orderLineId;
        private String accepted;
        private String rejected;
        private String grade;
        private String disposition;
        private boolean review;
        private String note;

        public Line() {
        }

        Line(String orderLineId, int received) {
            this.orderLineId = orderLineId;
            this.accepted = String.valueOf(received);
            this.rejected = "0";
        }

        public String getOrderLineId() {
            return orderLineId;
        }

        public void setOrderLineId(String orderLineId) {
            this.orderLineId = orderLineId;
        }

        public String getAccepted() {
            return accepted;
        }

        public void setAccepted(String accepted) {
            this.accepted = accepted;
        }

        public String getRejected() {
            return rejected;
        }

        public void setRejected(String rejected) {
            this.rejected = rejected;
        }

        public String getGrade() {
            return grade;
        }

        public void setGrade(String grade) {
            this.grade = grade;
        }

        public String getDisposition() {
            return disposition;
        }

        public void setDisposition(String disposition) {
            this.disposition = disposition;
        }

        public boolean isReview() {
            return review;
        }

        public void setReview(boolean review) {
            this.review = review;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** The inspected lines, or none with the problems found (in {@code problems}). */
    List<InspectedLine> inspectedLines(List<String> problems) {
        List<InspectedLine> inspected = new ArrayList<>();
        for (Line line : lines) {
            if (line.orderLineId == null || line.orderLineId.isBlank()) {
                continue;
            }
            String name = "Line " + line.orderLineId;
            Integer accepted = WholeNumbers.parse(line.accepted, name + ": the accepted quantity", problems);
            Integer rejected = WholeNumbers.parse(line.rejected, name + ": the rejected quantity", problems);
            Grade grade = choice(Grade.class, line.grade, name + ": grade", problems);
            Disposition disposition = choice(Disposition.class, line.disposition, name + ": disposition", problems);
            String note = line.note == null || line.note.isBlank() ? null : line.note.strip();
            if (note != null && note.length() > 500) {
                problems.add(name + ": the note is longer than 500 characters.");
            }
            inspected.add(new InspectedLine(line.orderLineId.strip(), accepted == null ? 0 : accepted,
                    rejected == null ? 0 : rejected, grade, disposition, line.review, note));
        }
        if (inspected.isEmpty() && problems.isEmpty()) {
            problems.add("There is no received line to inspect.");
        }
        return problems.isEmpty() ? inspected : List.of();
    }

    /** A choice of the list, or null when none was made (the return then says what is missing). */
    private static <E extends Enum<E>> E choice(Class<E> type, String text, String what, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(what + " " + text.strip() + " is not one of the list.");
            return null;
        }
    }

    public String getInspectionId() {
        return inspectionId;
    }

    public void setInspectionId(String inspectionId) {
        this.inspectionId = inspectionId;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }
}
