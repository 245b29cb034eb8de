package com.zohoprovisioning.sandbox;

/** One Zoho API of the sandbox: registers its endpoints. Adding an API is one class implementing this. */
public interface SandboxApi {
    void register(SandboxRouter router);
}
