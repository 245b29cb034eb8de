package com.zohoprovisioning.zoho;

import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.apache.camel.component.http.HttpMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the routes send their calls. {@code zoho.mode=live}: the data centre's accounts server, the token's
 * {@code api_domain} and the Mail host, each overridable. {@code zoho.mode=sandbox}: the embedded sandbox, started
 * on loopback, unless {@code zoho.api-url} points at a sandbox running elsewhere.
 */
public final class ZohoEndpoints implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoEndpoints.class);

    private final boolean sandboxMode;
    private final String accountsUrl;
    private final String apiUrl;
    private final String mailUrl;
    private final ZohoSandbox sandbox;
    private ZohoTokenProvider tokens;

    private ZohoEndpoints(boolean sandboxMode, String accountsUrl, String apiUrl, String mailUrl, ZohoSandbox sandbox) {
        this.sandboxMode = sandboxMode;
        this.accountsUrl = strip(accountsUrl);
        this.apiUrl = strip(apiUrl);
        this.mailUrl = strip(mailUrl);
        this.sandbox = sandbox;
    }

    public static ZohoEndpoints from(Function<String, String> prop) {
        String mode = or(prop.apply("zoho.mode"), "sandbox").toLowerCase(Locale.ROOT);
        String accounts = blank(prop.apply("zoho.accounts-url"));
        String api = blank(prop.apply("zoho.api-url"));
        String mail = blank(prop.apply("zoho.mail-url"));
        switch (mode) {
            case "live" -> {
                DataCentre dc = DataCentre.of(prop.apply("zoho.dc"));
                return new ZohoEndpoints(false, or(accounts, dc.accountsUrl()), api, or(mail, dc.mailUrl()), null);
            }
            case "sandbox" -> {
                if (api != null) {
                    LOG.info("zoho.mode=sandbox with zoho.api-url={}: using that sandbox, not an embedded one", api);
                    return new ZohoEndpoints(true, or(accounts, api), api, or(mail, api), null);
                }
                try {
                    ZohoSandbox sb = new ZohoSandbox(SandboxSettings.from(prop)).start();
                    return new ZohoEndpoints(true, sb.baseUrl(), sb.baseUrl(), sb.baseUrl(), sb);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the Zoho sandbox", e);
                }
            }
            default -> throw new ConfigurationException("zoho.mode=" + mode + ": use sandbox or live");
        }
    }

    void tokens(ZohoTokenProvider tokens) {
        this.tokens = tokens;
    }

    public boolean sandboxMode() {
        return sandboxMode;
    }

    /** The embedded sandbox, or null. */
    public ZohoSandbox sandbox() {
        return sandbox;
    }

    public String accountsUrl() {
        return accountsUrl;
    }

    /** The configured API base URL, or null to use the token's api_domain. */
    public String apiUrl() {
        return apiUrl;
    }

    public String mailUrl() {
        return mailUrl;
    }

    /**
     * The request of one attempt of the exchange's {@link ZohoCall}: its body, and the headers {@code CamelHttpUri}
     * (for the exchange's {@code zpApi}: bigin, crm: the API domain; mail: the Mail host), {@code CamelHttpPath},
     * {@code CamelHttpQuery}, {@code CamelHttpMethod} and {@code Content-Type} (JSON). One bean step, not a step per
     * header: every step costs, and a method-call expression even copies the whole exchange.
     */
    public void request(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        org.apache.camel.Message m = exchange.getMessage();
        m.setBody(call.body());
        m.setHeader(Exchange.HTTP_URI, base(call.api()));
        m.setHeader(Exchange.HTTP_PATH, call.path());
        m.setHeader(Exchange.HTTP_QUERY, call.query());
        m.setHeader(Exchange.HTTP_METHOD, httpMethod(call.method()));
        m.setHeader(Exchange.CONTENT_TYPE, "application/json;charset=UTF-8");
    }

    String base(String api) {
        return "mail".equals(api) ? mailUrl : tokens.apiBase();
    }

    /**
     * The call's method as the enum the HTTP component reads: a String header would be
     * converted on every call through a type-converter lookup that is not cached.
     */
    static HttpMethods httpMethod(String method) {
        return HttpMethods.valueOf(method.toUpperCase(Locale.ROOT));
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    public static ZohoTokenProvider tokenProvider(org.apache.camel.CamelContext context, ZohoEndpoints endpoints,
                                                  Function<String, String> prop) {
        String id = blank(prop.apply("zoho.client-id"));
        String secret = blank(prop.apply("zoho.client-secret"));
        String refresh = blank(prop.apply("zoho.refresh-token"));
        if (endpoints.sandboxMode()) {
            SandboxSettings s = SandboxSettings.from(prop);
            id = or(id, s.clientId());
            secret = or(secret, s.clientSecret());
            refresh = or(refresh, s.refreshToken());
        }
        ZohoTokenProvider t = new ZohoTokenProvider(context, id, secret, refresh, endpoints.apiUrl());
        endpoints.tokens(t);
        return t;
    }

    private static String strip(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String or(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }
}
