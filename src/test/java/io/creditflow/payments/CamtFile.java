package io.creditflow.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small camt.053.001.08 statements for tests; the closing balance adds up unless told otherwise. */
public final class CamtFile {

    public static final String ACCOUNT = "NL69INGB0123456789";

    private final List<String> entries = new ArrayList<>();
    private BigDecimal balance = BigDecimal.ZERO;
    private BigDecimal closingAdjustment = BigDecimal.ZERO;
    private String date = "2026-03-16";

    public static CamtFile statement() {
        return new CamtFile();
    }

    public CamtFile on(String isoDate) {
        this.date = isoDate;
        return this;
    }

    /** A credit transfer in. */
    public CamtFile credit(String ref, String amount, String structured, String text, String name, String iban) {
        return credit(ref, amount, null, structured, text, name, iban);
    }

    public CamtFile credit(String ref, String amount, String e2e, String structured, String text, String name,
                           String iban) {
        balance = balance.add(new BigDecimal(amount));
        entries.add(entry(ref, amount, "CRDT", false, tx(e2e, amount, structured, text, name, iban, null, "Dbtr")));
        return this;
    }

    /** A returned direct debit (or reversed payment) going out again. */
    public CamtFile returned(String ref, String amount, String e2e, String reason, String name, String iban) {
        balance = balance.subtract(new BigDecimal(amount));
        entries.add(entry(ref, amount, "DBIT", true, tx(e2e, amount, null, null, name, iban, reason, "Dbtr")));
        return this;
    }

    /** An outgoing payment (not a receivable). */
    public CamtFile debit(String ref, String amount, String text) {
        balance = balance.subtract(new BigDecimal(amount));
        entries.add(entry(ref, amount, "DBIT", false, tx(null, amount, null, text, "Supplier", "NL86INGB0002445588",
                null, "Cdtr")));
        return this;
    }

    /** Makes the closing balance wrong by this amount. */
    public CamtFile unbalancedBy(String difference) {
        closingAdjustment = new BigDecimal(difference);
        return this;
    }

    public byte[] bytes() {
        BigDecimal closing = balance.add(closingAdjustment);
        String head = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>TEST</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr><Stmt><Id>ST-%s</Id>
                <Acct><Id><IBAN>%s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>
                """.formatted(date, date, ACCOUNT, date, closing.abs().setScale(2).toPlainString(),
                closing.signum() < 0 ? "DBIT" : "CRDT", date);
        return (head + String.join("\n", entries) + "</Stmt></BkToCstmrStmt></Document>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String entry(String ref, String amount, String direction, boolean reversal, String tx) {
        return """
                <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>%s</CdtDbtInd>%s<Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>%s</AcctSvcrRef>
                <NtryDtls>%s</NtryDtls></Ntry>""".formatted(amount, direction, reversal ? "<RvslInd>true</RvslInd>" : "",
                date, date, ref, tx);
    }

    private static String tx(String e2e, String amount, String structured, String text, String name, String iban,
                             String reason, String party) {
        StringBuilder b = new StringBuilder("<TxDtls><Refs><EndToEndId>").append(e2e == null ? "NOTPROVIDED" : e2e)
                .append("</EndToEndId></Refs><Amt Ccy=\"EUR\">").append(amount).append("</Amt><RltdPties><")
                .append(party).append("><Pty><Nm>").append(name).append("</Nm></Pty></").append(party).append("><")
                .append(party).append("Acct><Id><IBAN>").append(iban).append("</IBAN></Id></").append(party)
                .append("Acct></RltdPties>");
        if (structured != null || text != null) {
            b.append("<RmtInf>");
            if (text != null) {
                b.append("<Ustrd>").append(text).append("</Ustrd>");
            }
            if (structured != null) {
                b.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>")
                        .append(structured).append("</Ref></CdtrRefInf></Strd>");
            }
            b.append("</RmtInf>");
        }
        if (reason != null) {
            b.append("<RtrInf><Rsn><Cd>").append(reason).append("</Cd></Rsn></RtrInf>");
        }
        return b.append("</TxDtls>").toString();
    }
}
