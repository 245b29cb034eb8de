package com.zohoprovisioning.sandbox;

/**
 * One Zoho API of the sandbox: registers its endpoints. APIs are discovered with {@link java.util.ServiceLoader}
 * through their {@link Factory}, so adding an API is one class plus one line in
 * {@code META-INF/services/com.zohoprovisioning.sandbox.SandboxApi$Factory}; {@link ZohoSandbox} lists none by hand.
 */
public interface SandboxApi {

    void register(SandboxRouter router);

    /**
     * Builds one API for one sandbox. A service provider: public, with a public no-arg constructor, listed in the
     * services file; the API itself keeps its dependencies in final fields, taken from the {@link SandboxContext}.
     */
    interface Factory {
        SandboxApi create(SandboxContext context);
    }
}
