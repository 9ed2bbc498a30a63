package io.creditflow.privacy.rights;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.creditflow.jooq.Tables.IDEMPOTENCY_RECORD;

/**
 * The platform keeps the first response to a request with an Idempotency-Key (for a day) to replay it on retries; a
 * response about a debtor repeats its data in clear. Those that name the debtor's id are deleted on erasure (the
 * retention job removes the rest within a day). They are copies of data the other sections export, so the export
 * only counts them.
 */
@Component
class ApiResponsesContributor implements PersonalDataContributor {

    private final DSLContext dsl;

    ApiResponsesContributor(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String section() {
        return "platform.api-responses";
    }

    @Override
    public ExportSection export(DataSubject subject) {
        int n = dsl.fetchCount(IDEMPOTENCY_RECORD, mentions(subject));
        return new ExportSection(section(), "Stored API responses",
                "Answering a retried request exactly as the first time (kept one day)",
                "The controller's systems calling Creditflow's API", List.of(),
                n == 0 ? List.of() : List.of(java.util.Map.of("storedResponses", n,
                        "content", "copies of the data in the other sections")));
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        int n = dsl.deleteFrom(IDEMPOTENCY_RECORD).where(mentions(subject)).execute();
        return ErasureReport.of(section()).deleted("stored API responses naming the person", n).build();
    }

    private static Condition mentions(DataSubject subject) {
        byte[] id = subject.debtorId().toString().getBytes(StandardCharsets.UTF_8);
        return IDEMPOTENCY_RECORD.BODY.isNotNull().and(DSL.condition("position({0} in {1}) > 0", id,
                IDEMPOTENCY_RECORD.BODY));
    }
}
