package com.zohoprovisioning.feeds.crmusergroups;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RecordHeldException;
import com.zohoprovisioning.pipeline.RunProperties;
import org.apache.camel.Exchange;

/**
 * Turns a record's group and member (names, e-mails or IDs) into what the PUT needs, from the run's lookups:
 * {@code zpGroup} and the variable {@code id} (UNKNOWN_GROUP), {@code zpMember} (UNKNOWN_MEMBER), and the variable
 * {@code loadMembers} when the group's
 * members have not been read yet in this run. A group may not contain itself.
 */
public class CrmUserGroupResolver {

    public static final String GROUP = "zpGroup";
    public static final String MEMBER = "zpMember";
    /** Exchange variable: true when the group's members must be read before the plan. */
    public static final String LOAD_MEMBERS = "loadMembers";

    public void resolve(Exchange exchange) {
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        if (run.stopReason() != null) {
            // a group's read-back stopped the file after this record started: no call, not even the members' GET
            throw new RecordHeldException(run.stopReason());
        }
        CrmGroupLookups lookups = run.lookups(CrmGroupLookups.class);
        CrmGroupLookups.Group group = lookups.group(r.get("group"));
        if (group == null) {
            throw new RecordException("UNKNOWN_GROUP", "group '" + r.get("group")
                    + "' is not a CRM user group; valid groups: " + lookups.validNames("groups"));
        }
        String type = CrmUserGroupValidator.memberType(r);
        CrmGroupLookups.Named member = lookups.member(type, r.get("member"));
        if (member == null) {
            throw new RecordException("UNKNOWN_MEMBER", switch (type) {
                case "users" -> "no CRM user has the e-mail or id '" + r.get("member") + "'";
                case "roles" -> "role '" + r.get("member") + "' is not a CRM role; valid roles: " + lookups.validNames("roles");
                case "territories" -> "territory '" + r.get("member") + "' is not a CRM territory; valid territories: "
                        + lookups.validNames("territories");
                default -> "group '" + r.get("member") + "' is not a CRM user group; valid groups: " + lookups.validNames("groups");
            });
        }
        if (type.equals("groups") && member.id().equals(group.id())) {
            throw new RecordException("VALIDATION_FAILED", "member: group '" + group.name() + "' may not contain itself");
        }
        exchange.setProperty(GROUP, group);
        exchange.setProperty(MEMBER, member);
        exchange.setVariable(com.zohoprovisioning.pipeline.RecordOutcomes.ID, group.id());
        exchange.setVariable(LOAD_MEMBERS, !group.membersLoaded());
    }
}
