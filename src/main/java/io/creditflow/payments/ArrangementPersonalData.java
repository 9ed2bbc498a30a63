package io.creditflow.payments;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.creditflow.jooq.Tables.PAYMENT_LINK;
import static io.creditflow.jooq.Tables.PAYMENT_LINK_INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INSTALMENT;
import static io.creditflow.jooq.Tables.PAYMENT_PLAN_INVOICE;
import static io.creditflow.jooq.Tables.PROVIDER_PAYMENT;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY;
import static io.creditflow.jooq.Tables.PROMISE_TO_PAY_INVOICE;

/**
 * Arrangements with the person: payment plans (with their instalments and notes), promises to pay and payment links.
 * Notes are free text typed by the credit desk and held in clear, so erasure deletes them with the arrangements.
 * A paid payment link stays as the record of an online payment; links not paid are deleted and stop working. Under a
 * legal hold the arrangements stay: a plan or promise is an acknowledgement of the debt the claim relies on.
 */
@Component
class ArrangementPersonalData implements PersonalDataContributor {

    private final DSLContext dsl;
    private final PaymentPlans plans;
    private final PromisesToPay promises;

    ArrangementPersonalData(DSLContext dsl, PaymentPlans plans, PromisesToPay promises) {
        this.dsl = dsl;
        this.plans = plans;
        this.promises = promises;
    }

    @Override
    public String section() {
        return "payments.arrangements";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Payment arrangements", "Agreeing payment plans and promises to pay with debtors "
                + "and offering online payment", "Debtors of the controller", List.of("payment plans", "promises to "
                + "pay", "notes by the credit desk", "online payments"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (PaymentPlans.Plan p : plans.ofDebtor(subject.debtorId())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", "PAYMENT_PLAN");
            m.put("status", p.status());
            m.put("total", p.total().setScale(2).toPlainString());
            m.put("currency", p.currency());
            m.put("frequency", p.frequency().name());
            m.put("instalments", p.instalments().stream().map(i -> Map.of("number", i.number(), "dueDate",
                    i.dueDate().toString(), "amount", i.amount().setScale(2).toPlainString(), "status", i.status()))
                    .toList());
            m.put("createdAt", p.createdAt().toString());
            m.put("agreedAt", p.agreedAt() == null ? null : p.agreedAt().toString());
            m.put("note", p.note());
            m.put("closeReason", p.closeReason());
            records.add(m);
        }
        for (PromisesToPay.Promise p : promises.list(subject.debtorId(), null, 1000)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", "PROMISE_TO_PAY");
            m.put("status", p.status());
            m.put("amount", p.amount().setScale(2).toPlainString());
            m.put("currency", p.currency());
            m.put("promisedDate", p.promisedDate().toString());
            m.put("channel", p.channel());
            m.put("createdAt", p.createdAt().toString());
            m.put("note", p.note());
            records.add(m);
        }
        dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.DEBTOR_ID.eq(subject.debtorId()))
                .orderBy(PAYMENT_LINK.CREATED_AT).forEach(l -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("record", "PAYMENT_LINK");
                    m.put("status", l.getStatus());
                    m.put("amount", l.getAmount().setScale(2).toPlainString());
                    m.put("currency", l.getCurrency());
                    m.put("createdAt", l.getCreatedAt().toString());
                    m.put("paidAt", l.getPaidAt() == null ? null : l.getPaidAt().toString());
                    records.add(m);
                });
        return new ExportSection(section(), "Payment arrangements", "Agreeing how and when you pay (collecting "
                + "payment)", "You and the controller's credit desk", List.of("PAYMENT"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var report = ErasureReport.of(section());
        var planIds = dsl.select(PAYMENT_PLAN.ID).from(PAYMENT_PLAN).where(PAYMENT_PLAN.DEBTOR_ID.eq(subject.debtorId()));
        var promiseIds = dsl.select(PROMISE_TO_PAY.ID).from(PROMISE_TO_PAY)
                .where(PROMISE_TO_PAY.DEBTOR_ID.eq(subject.debtorId()));
        var openLinks = dsl.select(PAYMENT_LINK.ID).from(PAYMENT_LINK)
                .where(PAYMENT_LINK.DEBTOR_ID.eq(subject.debtorId())).and(PAYMENT_LINK.STATUS.ne("PAID"));
        dsl.deleteFrom(PROVIDER_PAYMENT).where(PROVIDER_PAYMENT.LINK_ID.in(openLinks)).execute();
        dsl.deleteFrom(PAYMENT_LINK_INVOICE).where(PAYMENT_LINK_INVOICE.LINK_ID.in(openLinks)).execute();
        int links = dsl.deleteFrom(PAYMENT_LINK).where(PAYMENT_LINK.DEBTOR_ID.eq(subject.debtorId()))
                .and(PAYMENT_LINK.STATUS.ne("PAID")).execute();
        report.deleted("payment links not paid (they no longer work)", links);
        if (scope.legalHold()) {
            int kept = dsl.fetchCount(planIds) + dsl.fetchCount(promiseIds);
            return report.kept("payment plans and promises to pay: acknowledgements of the debt", kept,
                    "GDPR art. 17(3)(e): defence of a legal claim", null).build();
        }
        dsl.deleteFrom(PAYMENT_PLAN_INSTALMENT).where(PAYMENT_PLAN_INSTALMENT.PLAN_ID.in(planIds)).execute();
        dsl.deleteFrom(PAYMENT_PLAN_INVOICE).where(PAYMENT_PLAN_INVOICE.PLAN_ID.in(planIds)).execute();
        int planCount = dsl.deleteFrom(PAYMENT_PLAN).where(PAYMENT_PLAN.DEBTOR_ID.eq(subject.debtorId())).execute();
        dsl.deleteFrom(PROMISE_TO_PAY_INVOICE).where(PROMISE_TO_PAY_INVOICE.PROMISE_ID.in(promiseIds)).execute();
        int promiseCount = dsl.deleteFrom(PROMISE_TO_PAY).where(PROMISE_TO_PAY.DEBTOR_ID.eq(subject.debtorId()))
                .execute();
        return report.deleted("payment plans with their instalments and notes", planCount)
                .deleted("promises to pay with their notes", promiseCount).build();
    }
}
