package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;

import java.util.Locale;

/** Zoho data centres: accounts server, API domain and Mail host. CA is zohocloud.ca for accounts and mail. */
public enum DataCentre {
    COM("com", "https://accounts.zoho.com", "https://www.zohoapis.com", "https://mail.zoho.com"),
    EU("eu", "https://accounts.zoho.eu", "https://www.zohoapis.eu", "https://mail.zoho.eu"),
    IN("in", "https://accounts.zoho.in", "https://www.zohoapis.in", "https://mail.zoho.in"),
    AU("com.au", "https://accounts.zoho.com.au", "https://www.zohoapis.com.au", "https://mail.zoho.com.au"),
    JP("jp", "https://accounts.zoho.jp", "https://www.zohoapis.jp", "https://mail.zoho.jp"),
    CA("ca", "https://accounts.zohocloud.ca", "https://www.zohoapis.ca", "https://mail.zohocloud.ca"),
    SA("sa", "https://accounts.zoho.sa", "https://www.zohoapis.sa", "https://mail.zoho.sa"),
    CN("com.cn", "https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn", "https://mail.zoho.com.cn");

    private final String key;
    private final String accountsUrl;
    private final String apiUrl;
    private final String mailUrl;

    DataCentre(String key, String accountsUrl, String apiUrl, String mailUrl) {
        this.key = key;
        this.accountsUrl = accountsUrl;
        this.apiUrl = apiUrl;
        this.mailUrl = mailUrl;
    }

    public String accountsUrl() {
        return accountsUrl;
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String mailUrl() {
        return mailUrl;
    }

    /** The data centre of a {@code zoho.dc} value (com, eu, in, com.au, jp, ca, sa, com.cn; us and au accepted). */
    public static DataCentre of(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("us")) {
            return COM;
        }
        if (v.equals("au")) {
            return AU;
        }
        if (v.equals("cn")) {
            return CN;
        }
        for (DataCentre dc : values()) {
            if (dc.key.equals(v)) {
                return dc;
            }
        }
        throw new ConfigurationException("zoho.dc=" + value + " is not a Zoho data centre; use one of com, eu, in, com.au, jp, ca, sa, com.cn");
    }
}
