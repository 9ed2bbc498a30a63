package io.creditflow.payments.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes generated payments as one camt.053.001.08 statement, the way Dutch banks send them: each payment an entry
 * with its bank reference, end-to-end id (or NOTPROVIDED), the payer's name and IBAN, and either a structured
 * reference or free remittance text.
 */
final class BenchStatementWriter {

    static final String ACCOUNT = "NL69INGB0123456789";

    private BenchStatementWriter() {
    }

    static void write(Path file, LocalDate date, List<BenchData.Payment> payments) {
        BigDecimal total = payments.stream().map(BenchData.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                    <GrpHdr><MsgId>BENCH-%1$s</MsgId><CreDtTm>%1$sT06:00:00</CreDtTm></GrpHdr>
                    <Stmt><Id>BENCH-%1$s</Id><Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                    <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%1$s</Dt></Dt></Bal>
                    <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%1$s</Dt></Dt></Bal>
                    """.formatted(date, ACCOUNT, total.toPlainString()));
            for (BenchData.Payment p : payments) {
                out.write(entry(p));
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(BenchData.Payment p) {
        StringBuilder b = new StringBuilder(600);
        b.append("<Ntry><Amt Ccy=\"EUR\">").append(p.amount().toPlainString())
                .append("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>")
                .append(p.bookingDate()).append("</Dt></BookgDt><ValDt><Dt>").append(p.bookingDate())
                .append("</Dt></ValDt><AcctSvcrRef>").append(p.entryReference()).append("</AcctSvcrRef>")
                .append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>")
                .append("<NtryDtls><TxDtls><Refs><EndToEndId>")
                .append(p.endToEndId() == null ? "NOTPROVIDED" : p.endToEndId()).append("</EndToEndId></Refs>")
                .append("<Amt Ccy=\"EUR\">").append(p.amount().toPlainString()).append("</Amt><RltdPties><Dbtr><Pty><Nm>")
                .append(xml(p.payerName())).append("</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>").append(p.payerIban())
                .append("</IBAN></Id></DbtrAcct></RltdPties>");
        if (p.remittance() != null || p.structuredReference() != null) {
            b.append("<RmtInf>");
            if (p.remittance() != null) {
                b.append("<Ustrd>").append(xml(p.remittance())).append("</Ustrd>");
            }
            if (p.structuredReference() != null) {
                b.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>")
                        .append(xml(p.structuredReference())).append("</Ref></CdtrRefInf></Strd>");
            }
            b.append("</RmtInf>");
        }
        return b.append("</TxDtls></NtryDtls></Ntry>\n").toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
