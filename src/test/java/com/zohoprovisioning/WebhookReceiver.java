package com.zohoprovisioning;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP server standing in for a Slack or Teams incoming webhook: it keeps every POST and answers 200. */
final class WebhookReceiver implements AutoCloseable {

    /** One request received: its method, path, headers and body. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
    }

    static final String PATH = "/services/T000/B000/webhook-secret-key";

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();

    WebhookReceiver() {
        this(java.time.Duration.ZERO);
    }

    /** {@code latency}: how long it takes to answer, as a far-away chat service might. */
    WebhookReceiver(java.time.Duration latency) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(ex.getRequestMethod(), ex.getRequestURI().toString(),
                    Map.copyOf(ex.getRequestHeaders()), body);
            // the answer comes after the latency, from a timer (the exchange stays open until then)
            answers.schedule(() -> answer(ex, request), latency.toMillis(), TimeUnit.MILLISECONDS);
        });
        server.start();
    }

    private void answer(com.sun.net.httpserver.HttpExchange ex, Request request) {
        received.add(request);
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(200, ok.length);
            out.write(ok);
        } catch (IOException e) {
            // the client gave up waiting: nothing to answer
        }
    }

    /** The webhook's address, with a secret-looking path as Slack's have. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<Request> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
    }
}
