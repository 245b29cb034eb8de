package com.zohoprovisioning.pipeline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mail syntax every feed checks: usual addresses pass, a local part an unquoted address cannot have does not. */
class EmailSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "ann.lee+hr@example.com", "o'brien@example.com",
            "j_r-smith@mail.sub.example.co.uk", "UPPER.Case@Example.COM", "x@a-b.example.org", "jürgen@example.de"})
    void usualAddressesPass(String email) {
        assertThat(EmailSyntax.problem("email", email)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:m@example.com", "a,b@example.com", "a;b@example.com", "<a@example.com",
            "a>@example.com", "a(b)@example.com", "[a]@example.com", "a\\b@example.com", "\"a\"@example.com",
            "ann lee@example.com"})
    void aLocalPartWithACharacterAnUnquotedAddressCannotHoldIsRefusedNamingIt(String email) {
        assertThat(EmailSyntax.problem("email", email))
                .startsWith("email: '" + email + "' is not an e-mail address: the part before the @ holds ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@example.com", "a@b", "a@-b.com", "a@b..com", "a@@b.com"})
    void otherBadAddressesAreRefused(String email) {
        assertThat(EmailSyntax.problem("email", email)).isEqualTo("email: '" + email + "' is not an e-mail address");
    }
}
