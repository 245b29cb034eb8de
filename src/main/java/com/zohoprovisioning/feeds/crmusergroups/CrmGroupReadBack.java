package com.zohoprovisioning.feeds.crmusergroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live-Zoho safety check of a group's PUT. The feed relies on the PUT adding the one member it sends (a member
 * goes only with {@code _delete}), as Zoho's update-user-group page implies; were a live org to replace the whole
 * list instead, every PUT would strip the group to one member. So, once per group and file, after the first PUT of
 * a group that had members, the route reads the members back ({@code GET …/user_groups/{id}/sources}); when members
 * that should still be there are gone, or the read-back fails, the file stops at once: no further record starts,
 * and it goes to held/ with a reason naming the group. The record whose PUT was read back keeps its (successful)
 * line; moved back into the inbox, the file continues where it stopped and the check runs again.
 */
public class CrmGroupReadBack {

    /** Exchange property: the members (by "type:id") that must still be there after the PUT. */
    static final String EXPECTED = "zpExpectedMembers";
    private static final Logger LOG = LoggerFactory.getLogger(CrmGroupReadBack.class);

    @SuppressWarnings("unchecked")
    public void check(Exchange exchange) {
        ZohoResponse r = exchange.getMessage().getBody(ZohoResponse.class);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord record = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        CrmGroupLookups.Group group = exchange.getProperty(CrmUserGroupResolver.GROUP, CrmGroupLookups.Group.class);
        Map<String, CrmGroupLookups.Member> expected = exchange.getProperty(EXPECTED, Map.class);
        String which = "group '" + group.name() + "' (id " + group.id() + ")";
        if (r == null || !r.success()) {
            stop(run, "could not read the members of " + which + " back after its first change in this file (row "
                    + record.row() + "): " + (r == null ? "no answer" : r.code() + ": " + r.message())
                    + "; whether Zoho's PUT added the member or replaced the member list is unknown. No further call"
                    + " was made for this file. Check the group's members in Zoho CRM, then move this file back into"
                    + " the inbox: it continues where it stopped, and the check runs again");
            return;
        }
        Set<String> present = new HashSet<>();
        JsonNode list = r.body() == null ? null : r.body().get("sources");
        if (list != null) {
            for (JsonNode s : list) {
                CrmGroupLookups.Member m = CrmGroupLookupLoader.member(s);
                present.add(CrmGroupLookups.Group.key(m.type(), m.id()));
            }
        }
        List<String> lost = new ArrayList<>();
        expected.forEach((key, m) -> {
            if (!present.contains(key)) {
                lost.add(m.type() + " '" + m.name() + "' (" + m.id() + ")");
            }
        });
        if (!lost.isEmpty()) {
            stop(run, "Zoho's PUT replaced the member list of " + which + " instead of adding to it: after the change"
                    + " of row " + record.row() + ", reading the group back (GET /crm/v6/settings/user_groups/"
                    + group.id() + "/sources) no longer shows " + lost.size() + " of the " + expected.size()
                    + " members that should still be there: " + String.join(", ", lost) + ". No further call was made"
                    + " for this file. Restore these members in Zoho CRM (Setup > Users and Control > Groups) and do"
                    + " not send this feed again before the PUT's behaviour is understood; moving this file back into"
                    + " the inbox continues where it stopped, and the check runs again");
        }
    }

    private static void stop(FileRun run, String reason) {
        if (run.hold(reason)) {
            LOG.error("Stopping {}/{}: {}", run.feed().name(), run.fileName(), reason);
        }
    }
}
