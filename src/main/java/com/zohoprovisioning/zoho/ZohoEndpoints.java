package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;

import org.apache.camel.Exchange;
import org.apache.camel.Service;
import org.apache.camel.component.http.HttpMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Where the routes send their calls. {@code zoho.mode=live}: the data centre's accounts server, the token's
 * {@code api_domain} and the Mail host, each overridable. {@code zoho.mode=sandbox}: {@code zoho.api-url} for all
 * three (the application sets it to the sandbox it starts, unless it points at one running elsewhere).
 */
public final class ZohoEndpoints implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoEndpoints.class);

    private final boolean sandboxMode;
    private final String accountsUrl;
    private final String apiUrl;
    private final String mailUrl;
    private ZohoTokenProvider tokens;

    private ZohoEndpoints(boolean sandboxMode, String accountsUrl, String apiUrl, String mailUrl) {
        this.sandboxMode = sandboxMode;
        this.accountsUrl = strip(accountsUrl);
        this.apiUrl = strip(apiUrl);
        this.mailUrl = strip(mailUrl);
    }

    public static ZohoEndpoints from(Settings settings) {
        String mode = settings.text("zoho.mode").toLowerCase(Locale.ROOT);
        String accounts = settings.optionalText("zoho.accounts-url").orElse(null);
        String api = settings.optionalText("zoho.api-url").orElse(null);
        String mail = settings.optionalText("zoho.mail-url").orElse(null);
        switch (mode) {
            case "live" -> {
                DataCentre dc = DataCentre.of(settings.text("zoho.dc"));
                return new ZohoEndpoints(false, or(accounts, dc.accountsUrl()), api, or(mail, dc.mailUrl()));
            }
            case "sandbox" -> {
                if (api == null) {
                    throw new ConfigurationException("zoho.mode=sandbox needs zoho.api-url (the sandbox's address)");
                }
                LOG.info("zoho.mode=sandbox: calls go to the sandbox at {}", api);
                return new ZohoEndpoints(true, or(accounts, api), api, or(mail, api));
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
    }

    public static ZohoTokenProvider tokenProvider(org.apache.camel.CamelContext context, ZohoEndpoints endpoints,
                                                  Settings settings) {
        String id = settings.optionalText("zoho.client-id").orElse(null);
        String secret = settings.optionalText("zoho.client-secret").orElse(null);
        String refresh = settings.optionalText("zoho.refresh-token").orElse(null);
        ZohoTokenProvider t = new ZohoTokenProvider(context, id, secret, refresh, endpoints.apiUrl());
        endpoints.tokens(t);
        t.accountsUrl(endpoints.accountsUrl());
        return t;
    }

    private static String strip(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String or(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }
}
