package com.zohoprovisioning.zoho;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Zoho answer, whatever its shape: HTTP status, Zoho's code, message and status, the id it names, and the
 * whole body for lookups. {@code success} is true only when both HTTP and Zoho's status say so.
 */
public record ZohoResponse(int httpStatus, boolean success, String code, String message, String id,
                           JsonNode details, JsonNode body, Long retryAfterSeconds) {

    public static ZohoResponse failure(int httpStatus, String code, String message) {
        return new ZohoResponse(httpStatus, false, code, message, null, null, null, null);
    }

    public boolean isEmpty() {
        return httpStatus == 204;
    }
}
