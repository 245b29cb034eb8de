package com.zohoprovisioning.sandbox;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.spi.PropertiesComponent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code zoho.mode=sandbox} without {@code zoho.api-url}: starts the Zoho sandbox on loopback and points every client
 * at it by settings alone ({@code zoho.api-url}, the sandbox's OAuth client, {@code mail.zoid}), each only where the
 * user left it empty. The application finds this through {@code META-INF/services/org.apache.camel.CamelConfiguration}
 * and knows nothing else of the sandbox. Bound as {@code zohoSandbox}; stopped with the Camel context.
 */
public class EmbeddedSandbox implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent pc = context.getPropertiesComponent();
        if (!"sandbox".equalsIgnoreCase(get(pc, "zoho.mode")) || context.getRegistry().lookupByName("zohoSandbox") != null) {
            return;
        }
        SandboxSettings settings = SandboxSettings.from(k -> get(pc, k));
        setIfBlank(pc, "zoho.client-id", settings.clientId());
        setIfBlank(pc, "zoho.client-secret", settings.clientSecret());
        setIfBlank(pc, "zoho.refresh-token", settings.refreshToken());
        if (get(pc, "zoho.api-url") != null) {
            // a sandbox running in another process, started from the same seed
            setIfBlank(pc, "mail.zoid", new SandboxState(settings.seed()).section("mail").path("zoid").asText(""));
            return;
        }
        ZohoSandbox sandbox;
        try {
            sandbox = new ZohoSandbox(settings).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Zoho sandbox", e);
        }
        context.addService(new Service() {
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
        setIfBlank(pc, "mail.zoid", sandbox.state().section("mail").path("zoid").asText(""));
    }

    private static String get(PropertiesComponent pc, String key) {
        return pc.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static void setIfBlank(PropertiesComponent pc, String key, String value) {
        if (get(pc, key) == null) {
            pc.addOverrideProperty(key, value);
        }
    }
}
