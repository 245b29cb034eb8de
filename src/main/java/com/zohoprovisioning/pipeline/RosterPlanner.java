package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.ConfigurationException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Roster mode's look ahead (the step {@code <feed>-roster-plan}, after the lookups, before any call): reads the whole
 * file once, plans every row through the feed's {@code direct:<feed>-plan-row} (validate and plan, no call), and
 * finds the leavers: active users absent from the file (by e-mail, case-insensitive; a row that fails validation
 * still counts as present) and not protected. Writes the plan ({@link PlanWriter}) and decides the guard: more
 * leavers than {@code max-deactivations} and no approval of this very plan → the route holds the file.
 */
public final class RosterPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RosterPlanner.class);

    private final Map<String, RosterSettings> settings;
    private ProducerTemplate template;

    public RosterPlanner(Map<String, RosterSettings> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * Whether this file is a roster: the file's mapping profile says so ({@code mode: roster} or {@code changes}),
     * else {@code provisioning.<feed>.mode}. The user feeds' lookups ask it too (the token's own user and the org's
     * primary contact are loaded for a roster only).
     */
    public boolean roster(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        RosterSettings s = settings.get(run.feed().name());
        FieldMapping m = run.records() == null ? null : run.records().mapping();
        String profileMode = m == null || m.profile() == null ? null : m.profile().mode();
        boolean roster = profileMode != null ? profileMode.equals("roster") : s != null && s.roster();
        if (roster && !s.feedHasRoster()) {
            throw new FileRejectedException("the mapping profile " + m.profile().name() + " says mode: roster, but feed "
                    + run.feed().name() + " has no roster mode (the user feeds have it)");
        }
        return roster;
    }

    public void plan(Exchange exchange) throws IOException {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        RosterSettings s = settings.get(run.feed().name());
        if (run.alreadyDone() || !roster(exchange)) {
            return;
        }
        if (!(run.lookups(Object.class) instanceof RosterDirectory directory)) {
            throw new ConfigurationException("feed " + run.feed().name() + " cannot run in roster mode");
        }
        RosterRun roster = new RosterRun(s, run.tmpDir().resolve("plan.csv"), run);
        run.startRoster(roster);
        Map<String, String> emailById = new HashMap<>();
        directory.directoryUsers().forEach(u -> emailById.put(u.id(), u.email()));
        Set<String> present = new HashSet<>();
        try (PlanWriter plan = new PlanWriter(roster.planFile)) {
            planRows(exchange, run, roster, directory, emailById, present, plan);
            roster.present = present.size();
            findLeavers(run, roster, directory, present, plan);
            if (roster.droppedBack) {
                LOG.info("{}/{} is a result file dropped back: its rows run, and no one is deactivated (it is not the"
                        + " whole workforce)", run.feed().name(), run.fileName());
                roster.unidentified.clear();
            }
        }
        if (run.dryRun()) {
            run.calls().dryRunWrites(roster.leavers.size()); // the deactivations a real run sends: the credit estimate
        }
        roster.digest = digest(roster.leavers);
        roster.limit = s.limit(roster.activeBefore);
        guard(run, roster);
    }

    private void planRows(Exchange exchange, FileRun run, RosterRun roster, RosterDirectory directory,
                          Map<String, String> emailById, Set<String> present, PlanWriter plan) throws IOException {
        String feed = run.feed().name();
        Set<String> seen = new HashSet<>();
        try (RecordSource records = run.reopen()) {
            while (records.hasNext()) {
                InputRecord r = records.next();
                roster.rows++;
                roster.droppedBack |= r.fromResultFile();
                String email = r.get("email") != null ? r.get("email").toLowerCase(Locale.ROOT)
                        : r.get("id") != null ? emailById.get(r.get("id").trim()) : null;
                if (email != null) {
                    present.add(email);
                }
                String unsure = unidentified(r, email);
                if (unsure != null) {
                    roster.unidentified.add("row " + r.row() + ": " + unsure);
                }
                if (r.problem() != null) {
                    plan.line(r.row(), "invalid", email, r.get("id"), "", r.problem());
                } else if (email != null && !seen.add(email)) {
                    plan.line(r.row(), "invalid", email, r.get("id"), "", "DUPLICATE_IN_FILE: an earlier row has"
                            + " this e-mail");
                } else {
                    planRow(exchange, feed, run, r, email, directory, plan, roster);
                }
            }
        }
    }

    /**
     * Why a row names no one for sure, or null: unreadable (cut off, broken, too large), or without an e-mail or id,
     * or with a value that is no e-mail address ({@code a@b.com;X;Y}, a wrong delimiter). Such a row may be any of the
     * leavers, so their absence proves nothing.
     */
    private static String unidentified(InputRecord r, String email) {
        if (r.problem() != null) {
            return r.problem();
        }
        if (email == null) {
            return r.get("id") == null ? "no e-mail and no id" : null; // an id Zoho does not know is no leaver
        }
        return EmailSyntax.problem("email", email);
    }

    /** The row through the feed's validate and plan steps, as its record route will take it, without a call. */
    private void planRow(Exchange exchange, String feed, FileRun run, InputRecord r, String email,
                         RosterDirectory directory, PlanWriter plan, RosterRun roster) throws IOException {
        Exchange planned = template(exchange).send("direct:" + feed + "-plan-row", ex -> {
            ex.setProperty(RunProperties.RUN, run);
            ex.setProperty(RunProperties.RECORD, r);
            ex.getMessage().setBody(r);
        });
        Exception e = planned.getException();
        String id = planned.getVariable(RecordOutcomes.ID, String.class);
        if (e != null) {
            String code = e instanceof RecordException re ? re.code() : "INTERNAL_ERROR";
            if (!(e instanceof RecordException) && run.dryRun()) {
                // a bug, not the row: its plan line says INTERNAL_ERROR and the log has the stack trace, once (a
                // real run's record route logs it when the row runs)
                LOG.error("{}/{} row {}: unexpected error while planning the roster", feed, run.fileName(), r.row(), e);
            }
            plan.line(r.row(), "invalid", email, id, "", code + ": " + e.getMessage());
            return;
        }
        if ("none".equals(planned.getVariable(RecordOutcomes.CALL, String.class))) {
            RecordOutcome o = planned.getProperty(RunProperties.OUTCOME, RecordOutcome.class);
            plan.line(r.row(), "unchanged", email, o == null ? id : o.id(), "", o == null ? "" : o.message());
            return;
        }
        String action = switch (String.valueOf(planned.getVariable(RecordOutcomes.ACTION, String.class))) {
            case "created" -> "add";
            case "activated" -> "activate";
            case "deactivated" -> "deactivate";
            default -> "update";
        };
        if (action.equals("add")) {
            roster.joiners++;
        }
        plan.line(r.row(), action, email, id, PlanWriter.changes(sent(planned), directory.userFields(id),
                action.equals("add")), "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sent(Exchange planned) {
        Object body = planned.getMessage().getBody();
        if (body instanceof Map<?, ?> m && m.values().iterator().next() instanceof List<?> l && !l.isEmpty()
                && l.get(0) instanceof Map<?, ?> user) {
            return (Map<String, Object>) user;
        }
        return Map.of();
    }

    private static void findLeavers(FileRun run, RosterRun roster, RosterDirectory directory, Set<String> present,
                                    PlanWriter plan) throws IOException {
        String own = directory.ownUserId();
        String primary = directory.primaryContactId();
        String feed = run.feed().name();
        for (RosterDirectory.DirectoryUser u : directory.directoryUsers()) {
            if (!u.active() || u.email() == null || u.email().isEmpty()) {
                continue;
            }
            roster.activeBefore++;
            // an error file of an earlier run, dropped back to retry its rows, is not the workforce: no leavers
            if (roster.droppedBack || present.contains(u.email())) {
                continue;
            }
            Leaver l = new Leaver(u.id(), u.email(), u.firstName(), u.lastName(), directory.profileName(u.profileId()));
            String why = u.id().equals(own) && u.id().equals(primary) ? "the token's own user and the primary contact"
                    : u.id().equals(own) ? "the token's own user"
                    : u.id().equals(primary) ? "the primary contact"
                    : roster.settings.protectedProfile(l.profile()) ? "profile " + l.profile()
                    + " is protected (provisioning." + feed + ".roster.protect-profiles)"
                    : roster.settings.protectedEmail(u.email()) ? "matches provisioning." + feed + ".roster.protect"
                    : null;
            if (why != null) {
                roster.protectedLeavers.add(new RosterRun.Protected(l, why));
                plan.line(null, "protected", l.email(), l.id(), "", "not in the file, left alone: " + why);
            } else {
                roster.leavers.add(l);
                plan.line(null, "leaver", l.email(), l.id(), "status: active → inactive",
                        "not in the file: deactivated after the rows");
            }
        }
    }

    /**
     * Above the limit the file is held, unless {@code approve} released it with this very plan (its digest), or an
     * earlier run of it already got past the guard (it resumes). A dry run is never held: its plan says it.
     */
    private static void guard(FileRun run, RosterRun roster) {
        String feed = run.feed().name();
        FileJournal journal = run.journal();
        if (run.dryRun() || (journal != null && journal.rosterStarted() != null)) {
            return;
        }
        String approval = run.approval();
        boolean approved = approval != null && approval.contains("plan=" + roster.digest);
        if (approved) {
            roster.approvedAt = approval.lines().filter(l -> l.startsWith("approved=")).map(l -> l.substring(9))
                    .findFirst().orElse("");
        }
        long n = roster.leavers.size();
        if (!roster.unidentified.isEmpty() && n > 0 && !approved) {
            // a cut-off or unreadable export is the classic disaster: the people in its lost rows would be "leavers"
            roster.hold(roster.unidentified.size() + " row(s) name no one for sure (" + roster.unidentified.get(0)
                    + (roster.unidentified.size() > 1 ? "; …" : "") + "), so absence from this file proves nothing:"
                    + " it would deactivate " + n + " of " + roster.activeBefore + " active users, who may be in those"
                    + " rows. Fix the file and drop it again, or approve this plan (the rows are in it)");
            return;
        }
        if (n > roster.limit && !approved) {
            String why = "would deactivate " + n + " of " + roster.activeBefore + " active users ("
                    + Math.round(n * 100.0 / Math.max(roster.activeBefore, 1)) + " %), above the limit of "
                    + roster.settings.limitText() + (roster.settings.limitText().endsWith("%")
                    ? " (at most " + roster.limit + " of " + roster.activeBefore + ")" : "");
            if (approval != null && approval.contains("plan=")) {
                why += "; the plan approved earlier named other leavers (Zoho changed since): approve this new plan";
            }
            roster.hold(why);
            return;
        }
        if (journal != null) {
            journal.rosterStarted(roster.digest);
        }
        LOG.info("{}/{}: roster of {} rows, {} active users in Zoho: {} joiners, {} leavers to deactivate{}, {} protected",
                feed, run.fileName(), roster.rows, roster.activeBefore, roster.joiners, n,
                approved ? " (approved)" : "", roster.protectedLeavers.size());
    }

    /** The SHA-256 of the leavers' ids, sorted: what an approval is bound to. */
    static String digest(List<Leaver> leavers) {
        MessageDigest md = Sha256.digest();
        leavers.stream().map(Leaver::id).sorted().forEach(id -> md.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    private synchronized ProducerTemplate template(Exchange exchange) {
        if (template == null) {
            template = exchange.getContext().createProducerTemplate();
        }
        return template;
    }
}
