package com.zohoprovisioning.config;

/** A setting is missing or wrong: exit code 2. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
