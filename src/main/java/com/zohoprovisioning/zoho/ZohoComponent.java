package com.zohoprovisioning.zoho;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code zoho:} component: one Zoho API call (or one paged list) as a route step whose method and path are
 * read where the call is made, e.g.
 * <pre>
 * - to:
 *     uri: zoho:crm
 *     parameters:
 *       method: PUT
 *       path: "/crm/v6/users/${variable.id}"
 * </pre>
 * The attempts themselves (token, retries, throttle, calls in flight, credits, circuit breaker) are the routes
 * {@code zoho-attempts-<api>} of {@code routes/zoho.yaml}, declared once. Configured like any Camel component
 * ({@code camel.component.zoho.*} in {@code config/application.properties}).
 */
public class ZohoComponent extends DefaultComponent {

    private boolean dryRun;
    /** camel.component.zoho.page-size (= zoho.page-size in config/application.properties). */
    private int pageSize;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("zoho: needs the API, e.g. zoho:crm");
        }
        ZohoEndpoint endpoint = new ZohoEndpoint(uri, this, remaining);
        endpoint.setPageSize(pageSize);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** In a dry run no call that changes Zoho leaves (GETs still do): the answer says what would have been sent. */
    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** The default page size of paged lists ({@code zoho.page-size}). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }
}
