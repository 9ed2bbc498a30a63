package io.creditflow.receivables.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to characters and refuses undecodable bytes instead of replacing them. Unlike an
 * {@code InputStreamReader}, which fails somewhere within its read-ahead, this one first hands out every character
 * before the bad byte, so the parser reports the exact line on which the encoding breaks.
 */
final class StrictDecoder extends Reader {

    /** Thrown when the next byte(s) cannot be decoded; {@code bytes} are the offending bytes. */
    static final class UndecodableException extends IOException {
        private final byte[] bytes;

        UndecodableException(byte[] bytes) {
            super("undecodable bytes");
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private boolean eof;
    private boolean done;

    StrictDecoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                byte[] bad = new byte[result.length()];
                bytes.get(bytes.position(), bad);
                throw new UndecodableException(bad);
            }
            if (out.position() > offset) {
                return out.position() - offset;
            }
            if (eof) {
                decoder.flush(out);
                done = true;
                return out.position() > offset ? out.position() - offset : -1;
            }
            refill();
        }
    }

    private void refill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
