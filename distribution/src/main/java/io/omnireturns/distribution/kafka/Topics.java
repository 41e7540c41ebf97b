package io.omnireturns.distribution.kafka;

import java.util.regex.Pattern;

/** Kafka's rule for topic names. */
final class Topics {

    static final String RULE = "a topic name is 1 to 249 of the characters a-z A-Z 0-9 . _ - (and not . or ..)";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Topics() {
    }

    static boolean isValid(String topic) {
        return topic != null && LEGAL.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }
}
