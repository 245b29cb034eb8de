package com.zohoprovisioning.mapping;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Header keys, profile files, and detection of every built-in profile from its vendor's exact header row. */
class MappingProfilesTest {

    private final MappingProfiles bigin = MappingProfiles.load(java.util.Set.of("bigin-users", "users"), null);

    @Test
    void headerKeysIgnoreCaseSpacesAndVendorDecorations() {
        assertThat(HeaderKeys.key("  Email Address [Required] ", false)).isEqualTo("email_address");
        assertThat(HeaderKeys.key("Status [READ ONLY]", false)).isEqualTo("status");
        assertThat(HeaderKeys.key("Recovery Phone [MUST BE IN THE E.164 FORMAT]", false)).isEqualTo("recovery_phone");
        assertThat(HeaderKeys.key("\uFEFFFIRST NAME", false)).isEqualTo("first_name");
        assertThat(HeaderKeys.key("Block sign in (Yes/No) [accountEnabled] Required", true)).isEqualTo("accountenabled");
        assertThat(HeaderKeys.key("Name [displayName] Required", true)).isEqualTo("displayname");
        assertThat(HeaderKeys.key("First name [givenName]", true)).isEqualTo("givenname");
        assertThat(HeaderKeys.key("userPrincipalName", true)).isEqualTo("userprincipalname");
        assertThat(HeaderKeys.key("First Name [Required]", true)).isEqualTo("first_name");
        assertThat(HeaderKeys.key("Country/Region", false)).isEqualTo("country_region");
    }

    @Test
    void everyBuiltInProfileIsDetectedFromItsOwnHeaderRow() {
        assertThat(bigin.names()).containsAll(MappingProfiles.BUILT_IN);
        assertThat(detect("First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Password Hash Function [UPLOAD ONLY],Org Unit Path [Required],New Primary Email [UPLOAD ONLY],Status [READ ONLY],Last Sign In [READ ONLY],Recovery Email,Home Secondary Email,Work Secondary Email,Recovery Phone [MUST BE IN THE E.164 FORMAT],Work Phone,Home Phone,Mobile Phone,Work Address,Home Address,Employee ID,Employee Type,Employee Title,Manager Email,Department,Cost Center,2sv Enrolled [READ ONLY],2sv Enforced [READ ONLY],Building ID,Floor Name,Floor Section,Email Usage [READ ONLY],Drive Usage [READ ONLY],Total Storage [READ ONLY],Change Password at Next Sign-In,New Status [UPLOAD ONLY],Advanced Protection Program enrollment"))
                .isEqualTo("google-workspace-download");
        assertThat(detect("First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Password Hash Function [UPLOAD ONLY],Org Unit Path [Required],New Primary Email [UPLOAD ONLY],Recovery Email,Home Secondary Email,Work Secondary Email,Recovery Phone [MUST BE IN THE E.164 FORMAT],Work Phone,Home Phone,Mobile Phone,Work Address,Home Address,Employee ID,Employee Type,Employee Title,Manager Email,Department,Cost Center,Building ID,Floor Name,Floor Section,Change Password at Next Sign-In,New Status [UPLOAD ONLY],New Licenses [UPLOAD ONLY],Advanced Protection Program enrollment"))
                .isEqualTo("google-workspace-bulk-update");
        assertThat(detect("Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,First name [givenName],Last name [surname],Job title [jobTitle],Department [department],Usage location [usageLocation],Street address [streetAddress],State or province [state],Country or region [country],Office [physicalDeliveryOfficeName],City [city],ZIP or postal code [postalCode],Office phone [telephoneNumber],Mobile phone [mobile]"))
                .isEqualTo("entra-bulk-create");
        assertThat(detect("userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled,usageLocation,streetAddress,state,country,physicalDeliveryOfficeName,city,postalCode,telephoneNumber,mobile,authenticationPhoneNumber,authenticationAlternativePhoneNumber,authenticationEmail,alternateEmailAddress,ageGroup,consentProvidedForMinor,legalAgeGroupClassification"))
                .isEqualTo("entra-download");
        assertThat(detect("User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region"))
                .isEqualTo("microsoft-365-add-users");
        assertThat(detect("User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Address,City,State or Province,ZIP or Postal Code,Country or Region"))
                .isEqualTo("microsoft-365-add-users");
        assertThat(detect("Display name,DirSyncEnabled,User principal name,Object Id,First name,Last name,When created,Soft deletion time stamp,Title,Department,Preferred data location,City,CountryOrRegion,Office,StateOrProvince,Usage location,Last dirsync time,Block credential,Licenses,Password never expires,Last password change time stamp,Mobile Phone,Phone number,Postal code,Preferred language,Street address,Fax,Proxy addresses"))
                .isEqualTo("microsoft-365-export");
        assertThat(detect("login,firstName,lastName,middleName,honorificPrefix,honorificSuffix,email,title,displayName,nickName,profileUrl,secondEmail,mobilePhone,primaryPhone,streetAddress,city,state,zipCode,countryCode,postalAddress,preferredLanguage,locale,timezone,userType,employeeNumber,costCenter,organization,division,department,managerId,manager"))
                .isEqualTo("okta-import");
        assertThat(detect("email,first_name,last_name,role,profile")).isNull();
    }

    @Test
    void profilesApplyOnlyToTheirFeeds() {
        assertThat(MappingProfiles.load(java.util.Set.of("crm-user-groups"), null).names()).isEmpty();
        assertThat(MappingProfiles.load(java.util.Set.of("mail-users"), null).names()).containsAll(MappingProfiles.BUILT_IN);
    }

    @Test
    void aMistakeInAProfileNamesTheFileAndTheKey() {
        assertThatThrownBy(() -> ProfileLoader.parse("x", "feeds: [bigin-users]\ncolumn: {email: Mail}\n", "x.yaml"))
                .hasMessageContaining("x.yaml").hasMessageContaining("unknown key 'column'");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "columns: {email: Mail}\n", "x.yaml"))
                .hasMessageContaining("feeds is missing");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "feeds: [bigin-users]\nskipRows: [{column: a, matches: '(['}]\n",
                "x.yaml")).hasMessageContaining("skipRows.matches");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "feeds: [bigin-users]\nvalues: {status: {map: {a: b}}}\n",
                "x.yaml")).hasMessageContaining("values.status.from is missing");
    }

    @Test
    void valueMapsMatchIgnoringCaseAndFallBackToOtherwise() {
        MappingProfile p = ProfileLoader.parse("x", """
                feeds: [bigin-users]
                values:
                  status: {from: accountEnabled, map: {"True": active, "False": inactive}}
                  role: {from: Department, map: {Sales: Manager}, otherwise: Sales_Rep}
                """, "x.yaml");
        MappingProfile.ValueMap status = p.values().get(0);
        assertThat(status.apply(" TRUE ")).isEqualTo("active");
        assertThat(status.apply("false")).isEqualTo("inactive");
        assertThat(status.apply("maybe")).isNull();
        assertThat(status.apply("")).isNull();
        assertThat(p.values().get(1).apply("Engineering")).isEqualTo("Sales_Rep");
    }

    private String detect(String headerLine) {
        List<String> headers = Arrays.asList(headerLine.split(","));
        MappingProfile p = bigin.detect(headers);
        return p == null ? null : p.name();
    }
}
