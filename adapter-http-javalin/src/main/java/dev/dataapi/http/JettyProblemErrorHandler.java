package dev.dataapi.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty answers some requests before any route runs (a malformed request line or URI, oversized
 * headers). This keeps those answers in the API's format: problem details with a request id, and
 * nothing of Jetty's own message, which may echo the request.
 */
final class JettyProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = RequestIds.choose(request.getHeaders().get(RequestIds.HEADER));
        byte[] body = ProblemJson.write(ProblemResponses.forHttpStatus(code), requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
