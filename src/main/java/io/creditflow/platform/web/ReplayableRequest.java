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
 * A request whose body was read once (to hash it) and can be read again downstream. The body is spooled to a
 * temporary file, so a large upload does not have to fit in memory; the file is deleted on close.
 */
final class ReplayableRequest implements AutoCloseable {

    private final HttpServletRequest request;
    private final @org.jspecify.annotations.Nullable Path spool;
    private final byte[] sha256;

    private ReplayableRequest(HttpServletRequest original, Path spool, byte[] sha256) {
        this.spool = spool;
        this.sha256 = sha256;
        this.request = new HttpServletRequestWrapper(original) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new SpooledInputStream(new BufferedInputStream(Files.newInputStream(spool)));
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
        Path spool = Files.createTempFile("creditflow-request", ".body");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = request.getInputStream();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
                in.transferTo(out);
            }
            return new ReplayableRequest(request, spool, digest.digest());
        } catch (IOException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            Files.deleteIfExists(spool);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * The container parses multipart bodies itself (to disk) and keeps the parts, so they are hashed part by part and
     * the original request is passed on unchanged.
     */
    private static ReplayableRequest multipart(HttpServletRequest request) throws IOException,
            jakarta.servlet.ServletException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
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
