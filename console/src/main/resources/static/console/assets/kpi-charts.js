// The KPI dashboard's charts (Chart.js from its webjar): every canvas[data-chart] of #kpi-charts is drawn from the
// JSON in its data-series attribute. The tables below the charts hold the same numbers for whoever cannot see them.
(function () {
    "use strict";
    var holder = document.getElementById("kpi-charts");
    if (!holder || typeof Chart === "undefined") {
        return;
    }
    var data = JSON.parse(holder.getAttribute("data-series"));
    // distinguishable in print and for colour-blind readers: the line charts also differ by their captions
    var palette = ["#0b4f8a", "#c75000", "#1d5e2e", "#9b1c1c", "#6a3d9a", "#4f5864", "#b8860b", "#008b8b"];
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = "#1b1f24";
    Chart.defaults.animation = false;

    function line(canvas, values, label, unit) {
        return new Chart(canvas, {
            type: "line",
            data: {labels: data.labels, datasets: [{label: label, data: values, borderColor: palette[0],
                backgroundColor: palette[0], spanGaps: false, pointRadius: 3}]},
            options: {responsive: true, maintainAspectRatio: false, plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true, title: {display: true, text: unit}}}}
        });
    }

    function reasons(canvas) {
        var datasets = Object.keys(data.linesByReason).map(function (reason, i) {
            var words = reason.replace(/_/g, " ").toLowerCase();
            return {label: words.charAt(0).toUpperCase() + words.slice(1), data: data.linesByReason[reason],
                backgroundColor: palette[i % palette.length]};
        });
        return new Chart(canvas, {
            type: "bar",
            data: {labels: data.labels, datasets: datasets},
            options: {responsive: true, maintainAspectRatio: false,
                scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0},
                    title: {display: true, text: "lines"}}}}
        });
    }

    holder.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
        var key = canvas.getAttribute("data-chart");
        if (key === "linesByReason") {
            reasons(canvas);
        } else {
            line(canvas, data[key], canvas.closest("figure").querySelector("figcaption").textContent,
                key === "exceptionRate" ? "%" : "hours");
        }
        canvas.setAttribute("data-drawn", "true");
    });
})();
