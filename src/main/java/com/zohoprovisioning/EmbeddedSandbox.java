package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.SandboxState;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code zoho.mode=sandbox} without {@code zoho.api-url}: the application starts the Zoho sandbox on loopback and
 * points every client at it by settings alone ({@code zoho.api-url}, {@code zoho.accounts-url}, {@code zoho.mail-url},
 * the sandbox's OAuth client, {@code mail.zoid}), each only where the user left it empty. Nothing else in the
 * application knows the sandbox. Bound as {@code zohoSandbox}; stopped with the Camel context.
 */
final class EmbeddedSandbox {

    private EmbeddedSandbox() {
    }

    static void startIfWanted(CamelContext context, Settings prop) throws Exception {
        if (!"sandbox".equalsIgnoreCase(prop.text("zoho.mode"))) {
            return;
        }
        SandboxSettings settings = SandboxSettings.from(k -> prop.optionalText(k).orElse(null));
        PropertiesComponent pc = context.getPropertiesComponent();
        setIfBlank(pc, prop, "zoho.client-id", settings.clientId());
        setIfBlank(pc, prop, "zoho.client-secret", settings.clientSecret());
        setIfBlank(pc, prop, "zoho.refresh-token", settings.refreshToken());
        if (prop.optionalText("zoho.api-url").isPresent()) {
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

    private static void setIfBlank(PropertiesComponent pc, Settings prop, String key, String value) {
        if (prop.optionalText(key).isEmpty()) {
            pc.addOverrideProperty(key, value);
        }
    }
}
