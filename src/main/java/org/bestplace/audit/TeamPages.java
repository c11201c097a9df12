package org.bestplace.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.security.UserService;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An audit's team, for its administrator and lead: everyone on it, grouped by sector so a lead
 * sees at a glance whether all three organisations take part; forms to add someone (an existing
 * user, or a new one made on the spot), to change a member's roles and to take someone off.
 */
@Path("/audits/{auditId}/team")
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(TeamView view);
    }

    /**
     * One person on the team, with every role they hold on it and, for a reviewer, where they stand
     * in training (null for anyone else).
     */
    public record Person(String username, String displayName, String organisation, Sector sector,
            List<String> roles, boolean self, TeamReadiness.Standing training) {

        public boolean holds(String role) {
            return roles.contains(role);
        }
    }

    public record SectorGroup(Sector sector, List<Person> people) {
    }

    /** A user who may be chosen from the list to join the team. */
    public record Choice(String username, String label) {
    }

    /**
     * After a refusal: which form ({@code add}, {@code create}, {@code roles}, {@code removal}),
     * for whom, the field and the message, and what was typed.
     */
    public record FormError(String form, String member, String field, String message, Map<String, String> values) {

        public String value(String name) {
            String value = values.get(name);
            return value == null ? "" : value;
        }

        public boolean on(String formName, String field) {
            return form.equals(formName) && field.equals(this.field);
        }
    }

    static final Map<String, String> NEW_PERSON_LABELS = Map.of("username", "Username", "displayName", "Name",
            "email", "E-mail", "organisation", "Organisation", "sector", "Sector", "password", "First password",
            "role", "Role on the team");

    public record TeamView(Audit audit, List<SectorGroup> sectors, AuditTeam team, List<Choice> users,
            List<String> roles, List<Sector> sectorNames, boolean open, FormError error, String done, boolean created,
            int minPassword) {

        public String rule() {
            return AuditTeam.RULE;
        }

        public String missing() {
            return team.missing().orElse("");
        }

        public FormError err() {
            return error == null ? new FormError("", "", "", null, Map.of()) : error;
        }

        public String newPersonLabel() {
            return error == null || error.field() == null ? null : NEW_PERSON_LABELS.get(error.field());
        }
    }

    @Inject
    AuditService audits;

    @Inject
    CurrentUser currentUser;

    @Inject
    TeamReadiness readiness;

    @GET
    public TemplateInstance team(@PathParam("auditId") Long auditId, @QueryParam("done") String done,
            @QueryParam("member") String member, @QueryParam("created") boolean created) {
        Audit audit = managed(auditId);
        return Templates.team(view(audit, null, doneMessage(audit, done, member), created));
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("auditId") Long auditId, @RestForm String username, @RestForm String role) {
        Audit audit = managed(auditId);
        Map<String, String> values = values("username", username, "role", role);
        try {
            MemberRole memberRole = role(role, "role");
            if (username == null || username.isBlank()) {
                throw DomainException.invalid("username", "Choose the person to add.");
            }
            Member member = audits.addMember(auditId, username, memberRole, null, currentUser.user(),
                    currentUser.isAdmin());
            return done(auditId, "added", member.user.username);
        } catch (DomainException e) {
            return refused(audit, e, "add", null, values);
        }
    }

    @POST
    @Path("new-member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("auditId") Long auditId, @RestForm String username,
            @RestForm String displayName, @RestForm String email, @RestForm String organisation,
            @RestForm String sector, @RestForm String password, @RestForm String role) {
        Audit audit = managed(auditId);
        // The password is never sent back into the page.
        Map<String, String> values = values("username", username, "displayName", displayName, "email", email,
                "organisation", organisation, "sector", sector, "role", role);
        try {
            Sector chosen = sector == null || sector.isBlank() ? null : sector(sector);
            MemberRole memberRole = role(role, "role");
            Member member = audits.addNewMember(auditId, new AuditService.NewPerson(username, displayName, email,
                    organisation, chosen, password), memberRole, currentUser.user(), currentUser.isAdmin());
            return done(auditId, "created", member.user.username);
        } catch (DomainException e) {
            return refused(audit, e, "create", null, values);
        }
    }

    @POST
    @Path("members/{member}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRoles(@PathParam("auditId") Long auditId, @PathParam("member") String member,
            @RestForm List<String> roles) {
        Audit audit = managed(auditId);
        try {
            Set<MemberRole> chosen = EnumSet.noneOf(MemberRole.class);
            for (String role : roles == null ? List.<String>of() : roles) {
                chosen.add(role(role, "roles"));
            }
            audits.changeRoles(auditId, member, chosen, currentUser.user(), currentUser.isAdmin());
            return done(auditId, "roles", member);
        } catch (DomainException e) {
            return refused(audit, e, "roles", member, Map.of());
        }
    }

    @POST
    @Path("members/{member}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("auditId") Long auditId, @PathParam("member") String member) {
        Audit audit = managed(auditId);
        try {
            audits.removeMember(auditId, member, currentUser.user(), currentUser.isAdmin());
            return done(auditId, "removed", member);
        } catch (DomainException e) {
            return refused(audit, e, "removal", member, Map.of());
        }
    }

    /** Back to the page after a change; the page words it (never text from the address, which anyone can write). */
    private static Response done(Long auditId, String what, String username) {
        return Response.seeOther(URI.create("/audits/" + auditId + "/team?done=" + what + "&member="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).build();
    }

    /** What was just done, in a sentence, from the kind of change and the person it concerned. */
    private String doneMessage(Audit audit, String what, String username) {
        if (what == null || username == null) {
            return null;
        }
        User user = User.byUsername(username).orElse(null);
        if (user == null) {
            return null;
        }
        List<String> roles = Member.ofUserInAudit(audit, user).stream().map(m -> m.role.name()).sorted().toList();
        String name = user.displayName + " (" + user.username + ")";
        return switch (what) {
            case "added" -> roles.isEmpty() ? null : name + " is on the team as " + String.join(", ", roles) + ".";
            case "created" -> roles.isEmpty() ? null : name + " has an account now and is on the team as "
                    + String.join(", ", roles) + ".";
            case "roles" -> roles.isEmpty() ? null : name + "'s roles are now " + String.join(", ", roles) + ".";
            case "removed" -> roles.isEmpty() ? name + " is off the team; the reviews they wrote stay, under their"
                    + " name." : null;
            default -> null;
        };
    }

    private Response refused(Audit audit, DomainException e, String form, String member, Map<String, String> values) {
        if (e.status() != 400 && e.status() != 403 && e.status() != 404 && e.status() != 409) {
            throw e;
        }
        if (e.status() == 404 && e.field() == null) {
            throw e;
        }
        Audit now = Audit.findById(audit.id);
        FormError error = new FormError(form, member == null ? "" : member, e.field() == null ? "form" : e.field(),
                e.getMessage(), values);
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.team(view(now, error, null, false)).render()).build();
    }

    private TeamView view(Audit audit, FormError error, String done, boolean created) {
        User me = currentUser.user();
        Map<Sector, Map<String, Person>> bySector = new LinkedHashMap<>();
        for (Sector sector : Sector.values()) {
            bySector.put(sector, new LinkedHashMap<>());
        }
        List<Member> members = audits.team(audit);
        Map<String, TeamReadiness.Standing> training = readiness.of(audit);
        for (Member m : members) {
            Person person = bySector.get(m.sector).computeIfAbsent(m.user.username, u -> new Person(u,
                    m.user.displayName, m.user.organisation, m.sector, new ArrayList<>(), m.user.id.equals(me.id),
                    training.get(u)));
            person.roles().add(m.role.name());
        }
        List<SectorGroup> groups = bySector.entrySet().stream()
                .map(e -> new SectorGroup(e.getKey(), List.copyOf(e.getValue().values()))).toList();
        List<Choice> users = audits.usersToChoose().stream().filter(u -> !u.id.equals(me.id))
                .map(u -> new Choice(u.username, u.displayName + ", " + u.organisation + " (" + u.sector + ", "
                        + u.username + ")"))
                .toList();
        boolean open = audit.status != AuditStatus.CLOSED && audit.status != AuditStatus.PUBLISHED;
        return new TeamView(audit, groups, AuditTeam.of(members), users,
                List.of(MemberRole.values()).stream().map(Enum::name).toList(), List.of(Sector.values()), open, error,
                done, created, UserService.MIN_PASSWORD_LENGTH);
    }

    private Audit managed(Long auditId) {
        return AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).require(MemberRole.LEAD).audit();
    }

    private static MemberRole role(String role, String field) {
        try {
            return MemberRole.valueOf(role == null ? "" : role.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "Choose a role: REVIEWER, CHAIR, COMMISSIONER or LEAD.");
        }
    }

    private static Sector sector(String sector) {
        try {
            return Sector.valueOf(sector.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("sector", "Choose a sector: HOSPITAL, COMMUNITY or COMMISSIONER.");
        }
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return values;
    }
}
