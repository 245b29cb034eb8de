package com.zohoprovisioning.feeds;

import com.zohoprovisioning.feeds.crmusergroups.CrmUserGroupValidator;
import com.zohoprovisioning.feeds.mailusers.MailUserValidator;
import com.zohoprovisioning.feeds.users.UserValidator;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An e-mail address holding an invisible character (format Cf, control Cc, separators, non-ASCII spaces) looks
 * like another address: every validator that checks e-mails refuses it, naming the field and the character.
 */
class HiddenCharactersInEmailTest {

    private static final UserValidator USERS = new UserValidator(List.of("email", "last_name"), Set.of());
    private static final MailUserValidator MAIL = new MailUserValidator();
    private static final CrmUserGroupValidator GROUPS = new CrmUserGroupValidator();

    private static InputRecord record(String... kv) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.put(kv[i], kv[i + 1]);
        }
        return new InputRecord(1, new LinkedHashMap<>(fields), fields, null);
    }

    private static RecordException refused(Runnable r) {
        RecordException e = catchThrowableOfType(r::run, RecordException.class);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    // U+200B zero-width space, U+200D zero-width joiner, U+FEFF inside, U+2060 word joiner, U+200E LRM,
    // U+0007 bell (Cc), U+0085 NEL (Cc), U+2028 line separator, U+00A0 no-break space;
    // default-ignorable code points that are not Cf: U+3164 HANGUL FILLER, U+FE0F VARIATION SELECTOR-16, U+115F and
    // U+FFA0 Hangul fillers, U+034F combining grapheme joiner, U+180B Mongolian variation selector, U+E0100
    // variation selector-17, U+1D173 musical symbol begin beam, U+E0001 language tag, U+00AD soft hyphen;
    // U+2800 BRAILLE PATTERN BLANK (drawn blank); U+E000 private use (Co); U+0378 unassigned (Cn); U+3000 ideographic space
    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x200D, 0xFEFF, 0x2060, 0x200E, 0x0007, 0x0085, 0x2028, 0x00A0,
            0x3164, 0xFE0F, 0x115F, 0xFFA0, 0x034F, 0x180B, 0xE0100, 0x1D173, 0xE0001, 0x00AD,
            0x2800, 0xE000, 0x0378, 0x3000})
    void everyValidatorRefusesTheAddressAndNamesTheCharacter(int cp) {
        String email = "kim" + Character.toString(cp) + ".lee@example.com";
        String hex = String.format("U+%04X", cp);

        RecordException u = refused(() -> USERS.validate(record("email", email, "last_name", "Lee")));
        assertThat(u.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(u.getMessage()).contains("email:").contains(hex);

        RecordException m = refused(() -> MAIL.validate(record("email", email, "first_name", "Kim")));
        assertThat(m.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(m.getMessage()).contains("email:").contains(hex);

        RecordException g = refused(() -> GROUPS.validate(record("group", "Sales", "member", email)));
        assertThat(g.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(g.getMessage()).contains("member:").contains(hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kim.lee@example.com", "o'hara@zylker.co.uk", "jürgen.müller@example.de",
            "山田.太郎@example.jp", "한국어@example.kr", "josé+tag@example.com"})
    void visibleAddressesPass(String email) {
        assertThatCode(() -> USERS.validate(record("email", email, "last_name", "Lee"))).doesNotThrowAnyException();
        assertThatCode(() -> MAIL.validate(record("email", email, "first_name", "Kim"))).doesNotThrowAnyException();
        assertThatCode(() -> GROUPS.validate(record("group", "Sales", "member", email))).doesNotThrowAnyException();
    }
}
