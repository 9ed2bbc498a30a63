package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a text file is encoded: a UTF-8 byte order mark, or a first 64 KiB that is valid UTF-8, means UTF-8;
 * anything else is taken as Windows-1252 (what Excel and most Dutch accounting packages write as "ANSI"). UTF-16 is
 * recognised by its byte order mark and refused with an explanation. Decoding is strict either way.
 */
final class TextEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 64 * 1024;

    private TextEncoding() {
    }

    record Decoded(Reader reader, Charset charset, boolean byteOrderMark) {
        String name() {
            return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "WINDOWS-1252";
        }
    }

    /** Opens the stream for reading text; {@code forced} ("UTF-8", "WINDOWS-1252") skips detection. */
    static Decoded open(InputStream raw, @Nullable String forced) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new ImportFormatException(1L, null, "The file is UTF-16 encoded (Excel's \"Unicode text\"); save it "
                    + "as \"CSV UTF-8\" or \"CSV (comma delimited)\" instead");
        }
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (bom) {
            in.skipNBytes(3);
        }
        Charset charset;
        if (forced != null) {
            charset = forced.equalsIgnoreCase("UTF-8") ? StandardCharsets.UTF_8 : WINDOWS_1252;
        } else {
            charset = bom || isUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return new Decoded(new StrictDecoder(in, charset), charset, bom);
    }

    /** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sniffed block. */
    static boolean isUtf8(byte[] head) {
        int end = head.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
