package com.zohoprovisioning.feeds.crmusergroups;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordOutcome;
import com.zohoprovisioning.pipeline.RecordHeldException;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what a membership record becomes, and builds that one request: PUT
 * /crm/v6/settings/user_groups/{id} with the group's current {@code name} (mandatory even on update), the optional
 * {@code description}, and one source {@code {type, source:{id,name}, subordinates?, _delete?}}. When the group's
 * members already are as the record asks (and the description too), no call is made ({@code unchanged}); in a dry
 * run nothing is sent ({@code validated}). After a successful PUT, {@link #applied} updates the run's view of the
 * group, so the next record of the same group sees the change.
 */
public class CrmUserGroupRequestBuilder {

    static final String CHANGE = "zpMemberChange";
    static final String REMOVE = "zpMemberRemove";
    /** Exchange variable: true when the route reads the group's members back after this PUT. */
    public static final String READ_BACK = "readBack";

    public void plan(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        if (run.stopReason() != null) {
            // a group's read-back stopped the file while this record read its group's members: no PUT
            throw new RecordHeldException(run.stopReason());
        }
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        CrmGroupLookups.Group group = exchange.getProperty(CrmUserGroupResolver.GROUP, CrmGroupLookups.Group.class);
        CrmGroupLookups.Named member = exchange.getProperty(CrmUserGroupResolver.MEMBER, CrmGroupLookups.Named.class);
        String type = CrmUserGroupValidator.memberType(r);
        boolean remove = CrmUserGroupValidator.action(r).equals("remove");
        Boolean subordinates = remove ? null : CrmUserGroupValidator.subordinates(r);
        String description = r.get("description");
        boolean describe = description != null && !description.equals(group.description());
        CrmGroupLookups.Member current = group.member(type, member.id());

        boolean present = current != null;
        boolean memberChange = remove ? present
                : !present || (subordinates != null && !subordinates.equals(current.subordinates()));
        if (!memberChange && !describe) {
            RecordOutcomes.noCall(exchange, run.dryRun() ? "validated" : "unchanged", group.id(),
                    member.name() + (remove ? " is not" : " already is") + " a member of group '" + group.name()
                            + "': no call made");
            return;
        }
        String action = !memberChange ? "updated" : remove ? "member_removed" : present ? "updated" : "member_added";

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", type);
        source.put("source", Map.of("id", member.id(), "name", member.name()));
        if (subordinates != null) {
            source.put("subordinates", subordinates);
        }
        if (remove) {
            source.put("_delete", true);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", group.name());
        if (describe) {
            body.put("description", description);
        }
        body.put("sources", List.of(source));

        RecordOutcomes.plan(exchange, "update", action, group.id());
        exchange.setProperty(CHANGE, new CrmGroupLookups.Member(type, member.id(), member.name(),
                subordinates != null ? subordinates
                        : current != null ? current.subordinates()
                        : type.equals("roles") || type.equals("territories") ? Boolean.FALSE : null));
        exchange.setProperty(REMOVE, remove);
        exchange.getMessage().setBody(Map.of("user_groups", List.of(body)));
        exchange.setVariable(com.zohoprovisioning.zoho.ZohoProducer.REQUEST_SUMMARY, body.toString());
    }

    /**
     * After the PUT: when Zoho said yes, the run's view of the group takes the change. The first time in this file
     * that a group had members before a PUT, the variable {@code readBack} asks the route to read its members back:
     * those known before the PUT, minus the one it removed, are kept in {@code zpExpectedMembers} for
     * {@link CrmGroupReadBack}.
     */
    public void applied(Exchange exchange) {
        exchange.setVariable(READ_BACK, false);
        RecordOutcome o = exchange.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
        if (o == null || !o.success() || "validated".equals(o.action())) {
            return;
        }
        CrmGroupLookups.Group group = exchange.getProperty(CrmUserGroupResolver.GROUP, CrmGroupLookups.Group.class);
        CrmGroupLookups.Member change = exchange.getProperty(CHANGE, CrmGroupLookups.Member.class);
        if (group.membersLoaded()) {
            boolean remove = Boolean.TRUE.equals(exchange.getProperty(REMOVE, Boolean.class));
            Map<String, CrmGroupLookups.Member> expected = group.readBack() ? null : group.members();
            if (remove) {
                group.remove(change.type(), change.id());
            } else {
                group.put(change);
            }
            if (expected != null) {
                if (remove) {
                    expected.remove(CrmGroupLookups.Group.key(change.type(), change.id()));
                }
                // an empty group has nothing to lose: the read-back waits for a PUT of this group that has
                if (!expected.isEmpty()) {
                    group.readBackDone();
                    exchange.setProperty(CrmGroupReadBack.EXPECTED, expected);
                    exchange.setVariable(READ_BACK, true);
                }
            }
        }
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        if (r.get("description") != null && !Objects.equals(r.get("description"), group.description())) {
            group.description(r.get("description"));
        }
    }
}
