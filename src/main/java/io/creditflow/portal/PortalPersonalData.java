package io.creditflow.portal;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.creditflow.jooq.Tables.PORTAL_ACCESS_CODE;
import static io.creditflow.jooq.Tables.PORTAL_MESSAGE;

/**
 * The portal's share of a debtor's data: the messages they exchanged with the tenant (decrypted in the export) and
 * their access codes (only hashes; listed with their validity). Erasure deletes both: the messages say nothing a
 * claim needs (a dispute's reason is with the invoice), so they go under a legal hold too.
 */
@Component
class PortalPersonalData implements PersonalDataContributor {

    private final DSLContext dsl;
    private final PersonalDataVault vault;

    PortalPersonalData(DSLContext dsl, PersonalDataVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    @Override
    public String section() {
        return "portal.messages";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Debtor portal", "Letting debtors see, pay and arrange their invoices and write "
                + "to the creditor", "Debtors of the controller", List.of("messages", "portal access codes"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        var records = new java.util.ArrayList<Map<String, Object>>();
        dsl.selectFrom(PORTAL_MESSAGE).where(PORTAL_MESSAGE.DEBTOR_ID.eq(subject.debtorId()))
                .orderBy(PORTAL_MESSAGE.CREATED_AT, PORTAL_MESSAGE.ID).forEach(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", "message");
                    m.put("id", r.getId().toString());
                    m.put("from", r.getSender().equals("DEBTOR") ? "you" : "creditor");
                    m.put("createdAt", r.getCreatedAt().toString());
                    m.put("text", vault.decrypt(subject.debtorId(), PortalMessages.PLACE + r.getId(), r.getBody())
                            .orElse(null));
                    records.add(m);
                });
        dsl.selectFrom(PORTAL_ACCESS_CODE).where(PORTAL_ACCESS_CODE.DEBTOR_ID.eq(subject.debtorId()))
                .orderBy(PORTAL_ACCESS_CODE.ISSUED_AT).forEach(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", "access-code");
                    m.put("issuedAt", r.getIssuedAt().toString());
                    m.put("expiresAt", r.getExpiresAt().toString());
                    records.add(m);
                });
        return new ExportSection(section(), "Your messages and portal access",
                "Letting you see and settle your invoices online and write to us", "You, and the creditor's answers",
                List.of(), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        int messages = dsl.deleteFrom(PORTAL_MESSAGE).where(PORTAL_MESSAGE.DEBTOR_ID.eq(subject.debtorId())).execute();
        int codes = dsl.deleteFrom(PORTAL_ACCESS_CODE).where(PORTAL_ACCESS_CODE.DEBTOR_ID.eq(subject.debtorId()))
                .execute();
        return ErasureReport.of(section()).deleted("portal messages", messages).deleted("portal access codes", codes)
                .build();
    }
}
