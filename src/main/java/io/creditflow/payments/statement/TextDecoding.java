package io.creditflow.payments.statement;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides the character set of a text statement (MT940, CSV) from its first 64 KiB: a byte order mark or valid UTF-8
 * means UTF-8, anything else Windows-1252 (what Dutch bank and spreadsheet exports use). The UTF-8 decoder reports
 * malformed bytes instead of replacing them, so a file that switches encoding halfway fails with the line.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 64 * 1024;

    private TextDecoding() {
    }

    record Decoded(Reader reader, Charset charset) {
    }

    static Decoded open(InputStream raw) {
        try {
            BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, SNIFF);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                in.skipNBytes(3);
                return new Decoded(new InputStreamReader(in, strict(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
            if (isUtf8(head)) {
                return new Decoded(new InputStreamReader(in, strict(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
            CharsetDecoder lenient = WINDOWS_1252.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new Decoded(new InputStreamReader(in, lenient), WINDOWS_1252);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Valid UTF-8, allowing a multi-byte sequence cut off by the end of the sniffed block. */
    private static boolean isUtf8(byte[] head) {
        int end = head.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Decodes a whole small byte array strictly; used by tests and detection helpers. */
    static CharBuffer decodeStrict(byte[] bytes, Charset charset) throws CharacterCodingException {
        return strict(charset).decode(ByteBuffer.wrap(bytes));
    }
}
