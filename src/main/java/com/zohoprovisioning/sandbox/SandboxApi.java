package com.zohoprovisioning.sandbox;

/**
 * One Zoho API of the sandbox: registers its endpoints. APIs are discovered through their {@link Factory} by a
 * classpath scan of this package (as the feeds are found), so adding an API is adding its class; nothing lists them.
 */
public interface SandboxApi {

    void register(SandboxRouter router);

    /**
     * Builds one API for one sandbox: public, with a public no-arg constructor; the API itself keeps its
     * dependencies in final fields, taken from the {@link SandboxContext}.
     */
    interface Factory {
        SandboxApi create(SandboxContext context);
    }
}
