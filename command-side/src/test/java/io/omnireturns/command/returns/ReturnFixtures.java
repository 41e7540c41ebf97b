package io.omnireturns.command.returns;

import io.omnireturns.api.error.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the return's aggregate tests share (the lifecycle tests over {@link StandardReturn}, {@link StaffActionsAggregateTest}): the ids
 * of the return under test, a fresh fixture, histories grown step by step and the matcher for a refusal. Each test
 * keeps its own order and histories: they tell its story.
 */
final class ReturnFixtures {

    static final String RETURN_ID = "RET-1";
    static final String ORDER_ID = "ORD-1";

    private ReturnFixtures() {
    }

    static AggregateTestFixture<ReturnAggregate> returnFixture() {
        return new AggregateTestFixture<>(ReturnAggregate.class);
    }

    /** The events of an earlier step, then the next ones. */
    static List<Object> then(List<Object> history, Object... next) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(next));
        return List.copyOf(events);
    }

    /** A {@link DomainException} with the given stable code. */
    static Matcher<Throwable> refusal(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof DomainException refused && code.equals(refused.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was ").appendValue(thrown instanceof DomainException refused
                        ? refused.code() + ": " + refused.getMessage() : thrown);
            }
        };
    }
}
