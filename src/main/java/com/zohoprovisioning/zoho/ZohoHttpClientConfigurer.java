package com.zohoprovisioning.zoho;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP client's own retries: only a request that hit a connection the server had already closed (sent
 * again at once, as HttpClient does for idempotent or unsent requests). Retries on 429 / 503 answers are left to
 * the routes' error handler (routes/error-handling.yaml), which counts them, backs off and honours Retry-After.
 */
public class ZohoHttpClientConfigurer implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.setRetryStrategy(new DefaultHttpRequestRetryStrategy(1, TimeValue.ZERO_MILLISECONDS) {
            @Override
            public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
                return false;
            }
        });
    }
}
