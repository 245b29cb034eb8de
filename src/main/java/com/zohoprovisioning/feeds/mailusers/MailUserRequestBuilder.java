package com.zohoprovisioning.feeds.mailusers;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the one request of a mail-users record: {@code PUT /api/organization/{zoid}/accounts/{accountId}} with
 * {@code mode=updatePersonalInfo}, the account's {@code zuid}, and only the present, non-empty fields; street,
 * city, postal_code and state go into the nested {@code address}; the phone number under {@code mail.phone-key}.
 * In a dry run nothing is sent ({@code validated}).
 */
public class MailUserRequestBuilder {

    static final Map<String, String> TOP = new LinkedHashMap<>();
    static final Map<String, String> ADDRESS = new LinkedHashMap<>();

    static {
        TOP.put("first_name", "firstName");
        TOP.put("last_name", "lastName");
        TOP.put("display_name", "displayName");
        TOP.put("gender", "gender");
        TOP.put("country", "country");
        TOP.put("mobile_number", "mobileNumber");
        ADDRESS.put("street", "streetAddr");
        ADDRESS.put("city", "city");
        ADDRESS.put("postal_code", "postalCode");
        ADDRESS.put("state", "state");
    }

    private final MailSettings settings;

    public MailUserRequestBuilder(MailSettings settings) {
        this.settings = settings;
    }

    public void plan(Exchange exchange) {
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        MailAccounts.Account account = exchange.getProperty(MailAccountResolver.ACCOUNT, MailAccounts.Account.class);
        Map<String, Object> body = body(r, account);
        RecordOutcomes.plan(exchange, "update", "updated", account.accountId());
        exchange.setVariable("zoid", settings.zoid());
        exchange.setVariable("accountId", account.accountId());
        exchange.setVariable(com.zohoprovisioning.zoho.ZohoProducer.REQUEST_SUMMARY, body.toString());
        exchange.getMessage().setBody(body);
    }

    Map<String, Object> body(InputRecord r, MailAccounts.Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        TOP.forEach((field, key) -> {
            if (r.has(field)) {
                body.put(key, r.get(field));
            }
        });
        body.computeIfPresent("gender", (k, v) -> MailGender.normalise(v.toString()));
        body.computeIfPresent("country", (k, v) -> CountryCodes.normalise(v.toString()));
        if (r.has("phone_number")) {
            body.put(settings.phoneKey(), r.get("phone_number"));
        }
        Map<String, Object> address = new LinkedHashMap<>();
        ADDRESS.forEach((field, key) -> {
            if (r.has(field)) {
                address.put(key, r.get(field));
            }
        });
        if (!address.isEmpty()) {
            body.put("address", address);
        }
        body.put("mode", "updatePersonalInfo");
        body.put("zuid", number(account.zuid()));
        return body;
    }

    /** zuid is a long in the API: sent as a JSON number (as text only if it is not one). */
    private static Object number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
