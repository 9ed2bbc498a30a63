package io.creditflow.payments.statement;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A camt.053 file of any number of entries, produced while it is read: nothing but the current chunk exists, so
 * reading it proves the parser does not depend on holding the file. Every entry is a 1.00 credit.
 */
final class GeneratedCamtStream extends InputStream {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>BIG</Id>
            <Acct><Id><IBAN>NL69INGB0123456789</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-02</Dt></Dt></Bal>
            """;
    private static final String ENTRY = """
            <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><Dt>2024-01-02</Dt></BookgDt><AcctSvcrRef>REF-%d</AcctSvcrRef><NtryDtls><TxDtls>
            <Refs><EndToEndId>E2E-%d</EndToEndId></Refs><Amt Ccy="EUR">1.00</Amt>
            <RltdPties><Dbtr><Pty><Nm>Debtor %d</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NL41RABO7286415441</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Ustrd>Invoice INV-%d with some remittance text to make the entry realistically long</Ustrd></RmtInf>
            </TxDtls></NtryDtls></Ntry>
            """;
    private static final String TAIL = "</Stmt></BkToCstmrStmt></Document>\n";

    private final int entries;
    private int produced = -1;
    private byte[] chunk;
    private int position;

    GeneratedCamtStream(int entries) {
        this.entries = entries;
        this.chunk = HEAD.formatted(entries + ".00").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (position == chunk.length && !advance()) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == chunk.length && !advance()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
    }

    private boolean advance() {
        produced++;
        if (produced > entries) {
            return false;
        }
        chunk = (produced == entries ? TAIL : ENTRY.formatted(produced, produced, produced, produced))
                .getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
