package com.zohoprovisioning.sandbox;

/** Handles one sandbox endpoint. */
@FunctionalInterface
public interface SandboxHandler {
    SandboxResponse handle(SandboxRequest request) throws Exception;
}
