package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;

import java.util.Locale;

/**
 * The one line the start-up logs before any file is taken, saying plainly what will happen: {@code DRY RUN}
 * (and against what), {@code SANDBOX} (embedded, or the sandbox's URL), or
 * {@code LIVE: Zoho <dc>, api domain <api domain>, as <the token's user e-mail>}.
 */
final class RunTarget {

    private RunTarget() {
    }

    /** Whether the target is the real Zoho (zoho.mode=live), where the line names the token's user. */
    static boolean live(Settings settings) {
        return !"sandbox".equals(settings.text("zoho.mode").toLowerCase(Locale.ROOT));
    }

    /**
     * @param apiBase         the API base URL in use (the token answer's api_domain, or zoho.api-url)
     * @param embeddedSandbox whether the sandbox runs inside this process
     * @param tokenUser       live mode: the token's user e-mail, or {@code (unknown: <why>)} ({@link TokenUser})
     */
    static String describe(Settings settings, String apiBase, boolean embeddedSandbox, String tokenUser) {
        String target;
        if (!live(settings)) {
            target = embeddedSandbox ? "SANDBOX (embedded, at " + apiBase + "): nothing reaches Zoho"
                    : "SANDBOX at " + apiBase + ": nothing reaches Zoho";
        } else {
            target = "LIVE: Zoho " + settings.text("zoho.dc") + ", api domain " + apiBase + ", as " + tokenUser;
        }
        if (settings.bool("provisioning.dry-run")) {
            return "DRY RUN: nothing that writes is sent; target " + target;
        }
        return target;
    }
}
