package com.zohoprovisioning.sandbox;

import java.util.function.Supplier;

/**
 * What one sandbox gives each of its APIs when it builds them: its settings, org state, request log, faults and
 * tokens, and its base URL (known only once the server listens, hence a supplier).
 */
public record SandboxContext(SandboxSettings settings, SandboxState state, RequestLog requests, SandboxFaults faults,
                             TokenStore tokens, Supplier<String> baseUrl) {
}
