package io.creditflow.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * A request whose body was read once (to hash it) and can be read again downstream. A body of up to
 * {@link #IN_MEMORY_LIMIT} bytes (any credit check, invoice or batch of a few dozen items) is kept in memory; a larger
 * one is spooled to a temporary file, so a large upload does not have to fit in memory, and the file is deleted on
 * close. Creating, writing, reading and deleting a file for every small request cost more than the request's JSON.
 */
final class ReplayableRequest implements AutoCloseable {

    /** Bodies up to this size stay in memory (64 KiB). */
    static final int IN_MEMORY_LIMIT = 64 * 1024;

    private final HttpServletRequest request;
    private final @org.jspecify.annotations.Nullable Path spool;
    private final byte[] sha256;

    private ReplayableRequest(HttpServletRequest original, @org.jspecify.annotations.Nullable Path spool,
                              byte @org.jspecify.annotations.Nullable [] inMemory, byte[] sha256) {
        this.spool = spool;
        this.sha256 = sha256;
        this.request = new HttpServletRequestWrapper(original) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new SpooledInputStream(spool == null ? new java.io.ByteArrayInputStream(inMemory)
                        : new BufferedInputStream(Files.newInputStream(spool)));
            }

            @Override
            public BufferedReader getReader() throws IOException {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
        };
    }

    static ReplayableRequest of(HttpServletRequest request) throws IOException, jakarta.servlet.ServletException {
        if (request.getContentType() != null && request.getContentType().startsWith("multipart/")) {
            return multipart(request);
        }
        MessageDigest digest = sha256Digest();
        try (InputStream in = request.getInputStream()) {
            byte[] head = in.readNBytes(IN_MEMORY_LIMIT + 1);
            if (head.length <= IN_MEMORY_LIMIT) {
                digest.update(head);
                return new ReplayableRequest(request, null, head, digest.digest());
            }
            Path spool = Files.createTempFile("creditflow-request", ".body");
            try {
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
                    out.write(head);
                    in.transferTo(out);
                }
                return new ReplayableRequest(request, spool, null, digest.digest());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(spool);
                throw e;
            }
        }
    }

    /** The temporary file holding the body, if it was larger than {@link #IN_MEMORY_LIMIT}. */
    @org.jspecify.annotations.Nullable Path spool() {
        return spool;
    }

    /**
     * The container parses multipart bodies itself (to disk) and keeps the parts, so they are hashed part by part and
     * the original request is passed on unchanged.
     */
    private static ReplayableRequest multipart(HttpServletRequest request) throws IOException,
            jakarta.servlet.ServletException {
        MessageDigest digest = sha256Digest();
        for (jakarta.servlet.http.Part part : request.getParts()) {
            digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (part.getSubmittedFileName() != null) {
                digest.update(part.getSubmittedFileName().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
            try (InputStream in = part.getInputStream();
                 OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                in.transferTo(out);
            }
        }
        return new ReplayableRequest(request, digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReplayableRequest(HttpServletRequest request, byte[] sha256) {
        this.request = request;
        this.spool = null;
        this.sha256 = sha256;
    }

    HttpServletRequest request() {
        return request;
    }

    byte[] sha256() {
        return sha256;
    }

    @Override
    public void close() throws IOException {
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }

    private static final class SpooledInputStream extends ServletInputStream {
        private final InputStream in;
        private boolean finished;

        SpooledInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("blocking reads only");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
