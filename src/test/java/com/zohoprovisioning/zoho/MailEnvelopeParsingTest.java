package com.zohoprovisioning.zoho;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Zoho Mail's envelope {"status":{code,description},"data":…} read leniently: numbers or strings, object or list. */
class MailEnvelopeParsingTest {

    private static ZohoResponse read(int http, String json) {
        return ZohoResponseParser.read(http, json.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void theUpdateSamplesSuccessHasNoData() {
        ZohoResponse r = read(200, "{\"status\":{\"code\":200,\"description\":\"success\"}}");
        assertThat(r.success()).isTrue();
        assertThat(r.code()).isEqualTo("SUCCESS");
        assertThat(r.message()).isEqualTo("success");
        assertThat(r.id()).isNull();
    }

    @Test
    void codeAndIdsAsStringsInAnObject() {
        ZohoResponse r = read(200, """
                {"status":{"code":"200","description":"success"},
                 "data":{"accountId":"2560636000000008002","zuid":"100001234"}}""");
        assertThat(r.success()).isTrue();
        assertThat(r.id()).isEqualTo("2560636000000008002");
    }

    @Test
    void idsAsNumbersInAListOfOne() {
        ZohoResponse r = read(200, """
                {"status":{"code":200,"description":"success"},
                 "data":[{"accountId":2560636000000008002,"zuid":100001234}]}""");
        assertThat(r.success()).isTrue();
        assertThat(r.id()).isEqualTo("2560636000000008002");
        assertThat(r.body().path("data").get(0).path("zuid").asText()).isEqualTo("100001234");
    }

    @Test
    void aListOfManyNamesNoSingleId() {
        ZohoResponse r = read(200, """
                {"status":{"code":200,"description":"success"},"data":[{"accountId":1,"zuid":2},{"accountId":3,"zuid":4}]}""");
        assertThat(r.success()).isTrue();
        assertThat(r.id()).isNull();
        assertThat(r.body().path("data")).hasSize(2);
    }

    @Test
    void anErrorGivesErrorCodeDescriptionAndMoreInfo() {
        ZohoResponse r = read(400, """
                {"status":{"code":400,"description":"Invalid Input"},
                 "data":{"errorCode":"INVALID_ZUID","moreInfo":"zuid 999 is not the account's"}}""");
        assertThat(r.success()).isFalse();
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_ZUID");
        assertThat(r.message()).isEqualTo("Invalid Input: zuid 999 is not the account's");
    }

    @Test
    void anErrorWithoutErrorCodeUsesTheStatusCode() {
        ZohoResponse r = read(404, "{\"status\":{\"code\":\"404\",\"description\":\"Not Found\"}}");
        assertThat(r.success()).isFalse();
        assertThat(r.code()).isEqualTo("404");
        assertThat(r.message()).isEqualTo("Not Found");
    }

    @Test
    void anErrorStatusInsideHttp200IsAnErrorThatNamesItsCode() {
        ZohoResponse r = read(200, """
                {"status":{"code":500,"description":"Internal Error"},"data":[{"errorCode":"INTERNAL_ERROR"}]}""");
        assertThat(r.success()).isFalse();
        assertThat(r.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(r.message()).isEqualTo("Internal Error (status 500)");
    }

    @Test
    void aStatusWithoutCodeFallsBackToTheHttpStatus() {
        assertThat(read(200, "{\"status\":{\"description\":\"success\"},\"data\":{}}").success()).isTrue();
        ZohoResponse bad = read(403, "{\"status\":{\"description\":\"\"}}");
        assertThat(bad.success()).isFalse();
        assertThat(bad.code()).isEqualTo("403");
        assertThat(bad.message()).isEqualTo("HTTP 403");
    }

    @Test
    void theCrmShapeIsNotMistakenForMail() {
        ZohoResponse r = read(401, "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}");
        assertThat(r.code()).isEqualTo("INVALID_TOKEN");
        assertThat(r.success()).isFalse();
    }
}
