package io.creditflow.privacy.lifecycle;

import io.creditflow.privacy.RetentionCategory;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.OffsetDateTime;

import static io.creditflow.jooq.Tables.IDEMPOTENCY_RECORD;
import static io.creditflow.jooq.Tables.PRIVACY_REQUEST;
import static io.creditflow.jooq.Tables.PRIVACY_RETENTION_RUN;

/** Retention of the privacy module's own records and of the platform's stored idempotent responses. */
@Configuration(proxyBeanMethods = false)
class PrivacyRetentionCategories {

    /**
     * A stored idempotent response repeats what the API answered, which may be a debtor's data in clear: kept one day,
     * long enough for any client's retries.
     */
    @Bean
    RetentionCategory idempotencyResponses(DSLContext dsl) {
        return new Category("platform.idempotency-responses",
                "Stored API responses for Idempotency-Key replays, counted from the request",
                1, "Retries of a request come within minutes; the responses may contain personal data", dsl) {
            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(IDEMPOTENCY_RECORD, IDEMPOTENCY_RECORD.CREATED_AT.lt(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                return dsl.deleteFrom(IDEMPOTENCY_RECORD).where(IDEMPOTENCY_RECORD.CREATED_AT.lt(cutoff)).execute();
            }
        };
    }

    /** Answered requests stay in the register as proof of how they were handled, then go. */
    @Bean
    RetentionCategory requestRegister(DSLContext dsl) {
        return new Category("privacy.request-register",
                "Answered or refused data-subject requests, counted from the answer",
                5 * 365 + 1, "Accountability (GDPR art. 5(2)): proof that requests were answered in time", dsl) {
            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(PRIVACY_REQUEST, PRIVACY_REQUEST.COMPLETED_AT.lt(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                return dsl.deleteFrom(PRIVACY_REQUEST).where(PRIVACY_REQUEST.COMPLETED_AT.lt(cutoff)).execute();
            }
        };
    }

    /** The log of retention runs itself. */
    @Bean
    RetentionCategory retentionRunLog(DSLContext dsl) {
        return new Category("privacy.retention-runs", "The log of retention runs (counts only), counted from the run",
                2 * 365, "Proof that the retention schedule was enforced; holds no personal data", dsl) {
            @Override
            public long due(OffsetDateTime cutoff) {
                return dsl.fetchCount(PRIVACY_RETENTION_RUN, PRIVACY_RETENTION_RUN.STARTED_AT.lt(cutoff));
            }

            @Override
            public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
                return dsl.deleteFrom(PRIVACY_RETENTION_RUN).where(PRIVACY_RETENTION_RUN.STARTED_AT.lt(cutoff))
                        .execute();
            }
        };
    }

    private abstract static class Category implements RetentionCategory {
        private final String category;
        private final String description;
        private final int days;
        private final String ground;
        protected final DSLContext dsl;

        Category(String category, String description, int days, String ground, DSLContext dsl) {
            this.category = category;
            this.description = description;
            this.days = days;
            this.ground = ground;
            this.dsl = dsl;
        }

        @Override
        public String category() {
            return category;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public int defaultDays() {
            return days;
        }

        @Override
        public String ground() {
            return ground;
        }
    }
}
