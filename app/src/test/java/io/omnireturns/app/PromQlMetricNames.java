package io.omnireturns.app;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects, read loosely: what is left once string literals, label matchers,
 * ranges, grouping clauses and Grafana variables are taken out, without function names, keywords and numbers. A
 * name is selected as Prometheus stores it ({@code ..._bucket}, {@code ..._count}, {@code ..._total}), so it is
 * compared with the sample names of a scrape as it stands.
 */
final class PromQlMetricNames {

    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier that does not continue a number or another word ({@code 1e3}, {@code 5m}). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    private PromQlMetricNames() {
    }

    static Set<String> in(String expression) {
        String rest = GRAFANA_VARIABLE.matcher(expression).replaceAll(" ");
        rest = STRING.matcher(rest).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group();
            if (KEYWORDS.contains(name.toLowerCase()) || isCalled(rest, identifier.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** A function name: an opening parenthesis follows. */
    private static boolean isCalled(String text, int end) {
        for (int i = end; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }

    /** The sample names of a scrape in Prometheus' text format. */
    static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
