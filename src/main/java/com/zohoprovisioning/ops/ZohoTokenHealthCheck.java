package com.zohoprovisioning.ops;

import com.zohoprovisioning.zoho.ZohoTokenProvider;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/** Readiness: a Zoho access token can be obtained (the cached one, or a refresh now). */
public class ZohoTokenHealthCheck extends AbstractHealthCheck {

    private final ZohoTokenProvider tokens;

    public ZohoTokenHealthCheck(ZohoTokenProvider tokens) {
        super("zoho-provisioning", "zoho-token");
        this.tokens = tokens;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            tokens.verify();
            builder.up();
        } catch (RuntimeException e) {
            builder.message("no Zoho access token: " + e.getMessage()).down();
        }
    }
}
