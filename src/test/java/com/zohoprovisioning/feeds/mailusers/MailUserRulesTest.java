package com.zohoprovisioning.feeds.mailusers;

import com.zohoprovisioning.config.TestSettings;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.zoho.ZohoEndpoints;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mail-users rules without Camel: validation, normalisation, the request body, the settings. */
class MailUserRulesTest {

    private static InputRecord record(String... kv) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.put(kv[i], kv[i + 1]);
        }
        return new InputRecord(1, new LinkedHashMap<>(fields), fields, null);
    }

    @Test
    void genderWordsInAnyCase() {
        assertThat(MailGender.normalise("f")).isEqualTo("FEMALE");
        assertThat(MailGender.normalise(" Woman ")).isEqualTo("FEMALE");
        assertThat(MailGender.normalise("MALE")).isEqualTo("MALE");
        assertThat(MailGender.normalise("M")).isEqualTo("MALE");
        assertThat(MailGender.normalise("non-binary")).isEqualTo("NON_BINARY");
        assertThat(MailGender.normalise("Non_Binary")).isEqualTo("NON_BINARY");
        assertThat(MailGender.normalise("prefer  not to say")).isEqualTo("NOT_SPECIFIED");
        assertThat(MailGender.normalise("not_specified")).isEqualTo("NOT_SPECIFIED");
        assertThat(MailGender.normalise("x-ray")).isNull();
    }

    @Test
    void countryCodesAndNames() {
        assertThat(CountryCodes.normalise("US")).isEqualTo("us");
        assertThat(CountryCodes.normalise("deu")).isEqualTo("de");
        assertThat(CountryCodes.normalise("UK")).isEqualTo("gb");
        assertThat(CountryCodes.normalise("Japan")).isEqualTo("jp");
        assertThat(CountryCodes.normalise("ZZ")).isNull();
    }

    @Test
    void phoneNumbersMustBePlausible() {
        assertThat(MailUserValidator.plausiblePhone("9000000001")).isTrue();
        assertThat(MailUserValidator.plausiblePhone("+44 20 7946 0958")).isTrue();
        assertThat(MailUserValidator.plausiblePhone("(212) 555-0100 ext. 12")).isTrue();
        assertThat(MailUserValidator.plausiblePhone("12")).isFalse();
        assertThat(MailUserValidator.plausiblePhone("call me")).isFalse();
        assertThat(MailUserValidator.plausiblePhone("555-0100-555-0100-555-0100")).isFalse();
    }

    @Test
    void validationNamesEveryBadField() {
        MailUserValidator v = new MailUserValidator();
        v.validate(record("email", "a@zylker.com", "gender", "f"));
        v.validate(record("account_id", "2560636000000008002", "zuid", "100001234", "city", "Paris"));
        assertThatThrownBy(() -> v.validate(record("email", "a@zylker.com")))
                .isInstanceOf(RecordException.class).hasMessageContaining("nothing to update");
        assertThatThrownBy(() -> v.validate(record("account_id", "2560636000000008002", "city", "Paris")))
                .hasMessageContaining("zuid, account_id");
        assertThatThrownBy(() -> v.validate(record("email", "nope", "gender", "?", "country", "Mars",
                "mobile_number", "abc", "zuid", "12a")))
                .hasMessageContaining("email: 'nope'").hasMessageContaining("gender: '?'")
                .hasMessageContaining("country: 'Mars'").hasMessageContaining("mobile_number: 'abc'")
                .hasMessageContaining("zuid: '12a'");
    }

    @Test
    void bodyHasOnlyPresentFieldsTheNestedAddressAndTheConfiguredPhoneKey() {
        MailUserRequestBuilder b = new MailUserRequestBuilder(new MailSettings("1", "phoneNumer", MailSettings.Lookup.LIST, 50));
        Map<String, Object> body = b.body(record("email", "a@zylker.com", "first_name", "Ann", "phone_number", "9000000001",
                "postal_code", "10001", "gender", "female", "country", "USA", "city", ""), new MailAccounts.Account("7", "42"));
        assertThat(body).containsOnlyKeys("firstName", "phoneNumer", "address", "gender", "country", "mode", "zuid");
        assertThat(body.get("address")).isEqualTo(Map.of("postalCode", "10001"));
        assertThat(body).containsEntry("gender", "FEMALE").containsEntry("country", "us")
                .containsEntry("mode", "updatePersonalInfo").containsEntry("zuid", 42L);
        Map<String, Object> noAddress = b.body(record("email", "a@zylker.com", "display_name", "A"), new MailAccounts.Account("7", "42"));
        assertThat(noAddress).containsOnlyKeys("displayName", "mode", "zuid");
    }

    @Test
    void zoidComesFromTheSettingsAndIsRequiredLive() {
        // in sandbox mode the application sets mail.zoid to the sandbox's when empty (MailUsersFeedTest runs so)
        Map<String, String> sandbox = new HashMap<>(Map.of("zoho.mode", "sandbox", "zoho.api-url", "http://127.0.0.1:1"));
        sandbox.put("mail.zoid", "555");
        assertThat(MailSettings.from(TestSettings.builtInWith(sandbox)).zoid()).isEqualTo("555");

        Map<String, String> live = new HashMap<>(Map.of("zoho.mode", "live", "zoho.dc", "eu"));
        ZohoEndpoints liveEndpoints = ZohoEndpoints.from(TestSettings.builtInWith(live));
        assertThat(liveEndpoints.mailUrl()).isEqualTo("https://mail.zoho.eu");
        MailSettings missing = MailSettings.from(TestSettings.builtInWith(live));
        assertThatThrownBy(missing::zoid).isInstanceOf(ConfigurationException.class).hasMessageContaining("mail.zoid");
        live.put("mail.zoid", "8123");
        assertThat(MailSettings.from(TestSettings.builtInWith(live)).zoid()).isEqualTo("8123");
        live.put("mail.account-lookup", "carrier-pigeon");
        assertThatThrownBy(() -> MailSettings.from(TestSettings.builtInWith(live))).isInstanceOf(ConfigurationException.class);
        assertThat(SandboxSettings.defaults().seed()).isEqualTo("classpath:config/sandbox-seed.json");
    }
}
