// The audit screen's as-of slider: a position on the range is an instant between the first and the last event,
// written into the "As of" field (which htmx sends); a typed instant moves the slider to match.
(function () {
    function bind() {
        var range = document.getElementById("as-of-range");
        var field = document.getElementById("as-of");
        if (!range || !field || range.dataset.bound) {
            return;
        }
        range.dataset.bound = "true";
        var first = Number(range.dataset.first);
        var span = Number(range.dataset.span);
        var positions = Number(range.max);
        range.addEventListener("input", function () {
            var instant = new Date(first + Math.floor(span * Number(range.value) / positions)).toISOString();
            field.value = instant;
            range.setAttribute("aria-valuetext", instant);
        });
        field.addEventListener("change", function () {
            var at = Date.parse(field.value);
            if (!isNaN(at) && span > 0) {
                range.value = String(Math.max(0, Math.min(positions, Math.round((at - first) * positions / span))));
                range.setAttribute("aria-valuetext", field.value);
            }
        });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", bind);
    } else {
        bind();
    }
})();
