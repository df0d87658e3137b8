package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void coreTypeIsPublishedUnderTheCasePrefix() {
        assertEquals("jiandu/case/CASE_FILED", Topics.forCaseEvent("CASE_FILED"));
    }

    @Test
    void namespacedTypeBecomesASubTopic() {
        assertEquals("jiandu/case/acme/WAGE_ARREARS_REPORTED", Topics.forCaseEvent("acme.WAGE_ARREARS_REPORTED"));
    }
}
