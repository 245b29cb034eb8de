package com.zohoprovisioning.feeds.crmusergroups;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's sources as Zoho's SDKs and OpenAPI file model them: a territory's child territories may come as
 * {@code sub_territories} instead of {@code subordinates}; both are read.
 */
class GroupSourceReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CrmGroupLookups.Member read(String json) throws Exception {
        return CrmGroupLookupLoader.member(JSON.readTree(json));
    }

    @Test
    void aTerritoryReadsSubTerritoriesWhenSubordinatesIsAbsentOrNull() throws Exception {
        assertThat(read("""
                {"source":{"name":"New York","id":"1"},"type":"territories","sub_territories":true}""").subordinates())
                .isTrue();
        assertThat(read("""
                {"source":{"name":"New York","id":"1"},"type":"territories","subordinates":null,"sub_territories":false}""")
                .subordinates()).isFalse();
        assertThat(read("""
                {"source":{"name":"New York","id":"1"},"type":"territories","subordinates":true,"sub_territories":null}""")
                .subordinates()).isTrue();
    }

    @Test
    void aRoleOrUserIgnoresSubTerritories() throws Exception {
        assertThat(read("""
                {"source":{"name":"Manager","id":"2"},"type":"roles","subordinates":false,"sub_territories":true}""")
                .subordinates()).isFalse();
        CrmGroupLookups.Member user = read("""
                {"source":{"name":"Patricia Boyle","id":"3"},"type":"users","subordinates":null,"sub_territories":null}""");
        assertThat(user.subordinates()).isNull();
        assertThat(user.type()).isEqualTo("users");
        assertThat(user.id()).isEqualTo("3");
        assertThat(user.name()).isEqualTo("Patricia Boyle");
    }
}
