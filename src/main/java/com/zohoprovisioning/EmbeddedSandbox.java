package com.zohoprovisioning;

import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.SandboxState;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * {@code zoho.mode=sandbox} without {@code zoho.api-url}: the application starts the Zoho sandbox on loopback and
 * points every client at it by settings alone ({@code zoho.api-url}, {@code zoho.accounts-url}, {@code zoho.mail-url},
 * the sandbox's OAuth client, {@code mail.zoid}), each only where the user left it empty. Nothing else in the
 * application knows the sandbox. Bound as {@code zohoSandbox}; stopped with the Camel context.
 */
final class EmbeddedSandbox {

    private EmbeddedSandbox() {
    }

    static void startIfWanted(CamelContext context, Function<String, String> prop) throws Exception {
        if (!"sandbox".equalsIgnoreCase(or(prop.apply("zoho.mode"), "sandbox"))) {
            return;
        }
        SandboxSettings settings = SandboxSettings.from(prop);
        PropertiesComponent pc = context.getPropertiesComponent();
        setIfBlank(pc, prop, "zoho.client-id", settings.clientId());
        setIfBlank(pc, prop, "zoho.client-secret", settings.clientSecret());
        setIfBlank(pc, prop, "zoho.refresh-token", settings.refreshToken());
        if (!blank(prop.apply("zoho.api-url"))) {
            // a sandbox running in another process, started from the same seed
            setIfBlank(pc, prop, "mail.zoid", new SandboxState(settings.seed()).section("mail").path("zoid").asText(""));
            return;
        }
        ZohoSandbox sandbox;
        try {
            sandbox = new ZohoSandbox(settings).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Zoho sandbox", e);
        }
        context.addService(new org.apache.camel.Service() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
                sandbox.close();
            }
        }, true, true);
        context.getRegistry().bind("zohoSandbox", sandbox);
        pc.addOverrideProperty("zoho.api-url", sandbox.baseUrl());
        setIfBlank(pc, prop, "mail.zoid", sandbox.state().section("mail").path("zoid").asText(""));
    }

    private static void setIfBlank(PropertiesComponent pc, Function<String, String> prop, String key, String value) {
        if (blank(prop.apply(key))) {
            pc.addOverrideProperty(key, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String or(String s, String d) {
        return blank(s) ? d : s.trim();
    }
}
