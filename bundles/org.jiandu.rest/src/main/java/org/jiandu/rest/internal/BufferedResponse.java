package org.jiandu.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose body is held back until {@link #commit()}: status and headers go to the wrapped response (which
 * does not commit them before the body), flushing does nothing, so nothing reaches the client before the caller
 * decides to send it (after the audit of a change is durable, {@link ApiServlet}).
 */
final class BufferedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    private final ServletOutputStream out = new ServletOutputStream() {
        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("a buffered response is written synchronously");
        }
    };
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return out;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset cs = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(body, cs));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        super.reset();
        body.reset();
    }

    @Override
    public void setBufferSize(int size) {
        // the whole body is buffered
    }

    @Override
    public void sendError(int sc) {
        setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) {
        setStatus(sc);
    }

    /** The bytes written so far. */
    byte[] body() {
        flushBuffer();
        return body.toByteArray();
    }

    /** Sends the held-back body to the client. */
    void commit() throws IOException {
        byte[] bytes = body();
        HttpServletResponse res = (HttpServletResponse) getResponse();
        if (bytes.length > 0) {
            res.getOutputStream().write(bytes);
        }
        res.flushBuffer();
    }
}
