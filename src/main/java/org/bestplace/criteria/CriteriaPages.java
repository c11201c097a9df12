package org.bestplace.criteria;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Memberships;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;
import org.bestplace.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The criteria sets in the browser: every set, one set as a reviewer reads it, what changed
 * between two versions, an upload checked like the API's, each sector's sign-off and retirement.
 */
@Path("/criteria-sets")
@Produces(MediaType.TEXT_HTML)
public class CriteriaPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sets(List<SetRow> sets, boolean admin);

        static native TemplateInstance set(SetView view);

        static native TemplateInstance difference(DifferenceView view);

        static native TemplateInstance upload(UploadView view);
    }

    /** Sign-off times are read on the service's home clock, as the audits' default zone is. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    public record SetRow(CriteriaSet set, String link, List<String> signed, AuditsUsing audits) {
    }

    /**
     * The audits on a set as the viewer may see them: by name those they are on (every one, for an
     * administrator), the others only counted, as an audit one is not on is not shown anywhere.
     */
    public record AuditsUsing(List<CriteriaSetUsers.AuditUsing> named, int others) {

        public boolean none() {
            return named.isEmpty() && others == 0;
        }
    }

    @Inject
    Memberships memberships;

    private AuditsUsing visible(List<CriteriaSetUsers.AuditUsing> audits, Set<Long> visible) {
        List<CriteriaSetUsers.AuditUsing> named = audits.stream().filter(a -> visible.contains(a.id())).toList();
        return new AuditsUsing(named, audits.size() - named.size());
    }

    private Set<Long> visibleAudits() {
        return memberships.visibleTo(currentUser.user(), currentUser.isAdmin()).stream()
                .map(Memberships.AuditLink::id).collect(java.util.stream.Collectors.toSet());
    }

    public record Signed(String sector, String name, String role, String account, String when) {
    }

    public record ReasonGroup(String group, List<CriteriaFile.Reason> reasons) {
    }

    /** What a refused form sent, shown again beside the field at fault. */
    public record FormError(String form, String field, String message) {
    }

    public record SetView(CriteriaSet set, CriteriaFile file, String link, List<Signed> signed, List<String> waiting,
            List<ReasonGroup> reasons, List<CriteriaSet> otherVersions, AuditsUsing audits,
            boolean canSign, String sector, boolean admin, FormError error, String name, String role,
            String reason) {

        public boolean draft() {
            return set.status == CriteriaStatus.DRAFT;
        }

        public boolean retired() {
            return set.status == CriteriaStatus.RETIRED;
        }

        public String retiredWhen() {
            return when(set.retiredAt);
        }

        public String errorField(String form) {
            return error == null || !error.form().equals(form) || error.field() == null ? "" : error.field();
        }
    }

    public record DifferenceView(CriteriaSet from, CriteriaSet to, String link, CriteriaDifference difference,
            List<CriteriaSet> versions) {
    }

    /** One line of a refused file, numbered, with the problems found on it. */
    public record Line(int number, String text, List<String> problems) {
    }

    public record UploadView(String yaml, List<Problem.At> problems, List<Line> lines, String message) {
    }

    @GET
    public TemplateInstance sets() {
        List<CriteriaSet> sets = criteria.all();
        Map<Long, List<CriteriaSetUsers.AuditUsing>> audits = criteria.auditsUsing(sets);
        Set<Long> visible = visibleAudits();
        List<SetRow> rows = sets.stream().map(s -> new SetRow(s, link(s),
                s.signedSectors().stream().map(Enum::name).toList(),
                visible(audits.getOrDefault(s.id, List.of()), visible))).toList();
        return Templates.sets(rows, currentUser.isAdmin());
    }

    @GET
    @Path("{id}/{version}")
    public TemplateInstance set(@PathParam("id") String id, @PathParam("version") String version) {
        return Templates.set(view(criteria.find(id, version), null, null, null, null));
    }

    private SetView view(CriteriaSet set, FormError error, String name, String role, String reason) {
        User user = currentUser.user();
        CriteriaFile file = criteria.definition(set);
        List<Signed> signed = set.ratifications.stream().map(r -> new Signed(r.sector.name(),
                r.signatoryName, r.signatoryRole, r.signedBy, WHEN.format(r.signedAt))).toList();
        Set<Sector> waiting = EnumSet.allOf(Sector.class);
        waiting.removeAll(set.signedSectors());
        Map<String, List<CriteriaFile.Reason>> byGroup = new LinkedHashMap<>();
        for (CriteriaFile.Reason r : file.reasons()) {
            byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        List<ReasonGroup> reasons = byGroup.entrySet().stream().map(e -> new ReasonGroup(e.getKey(), e.getValue()))
                .toList();
        List<CriteriaSet> others = criteria.versionsOf(set.setId).stream().filter(s -> !s.id.equals(set.id)).toList();
        boolean canSign = set.status == CriteriaStatus.DRAFT && user.sector != null
                && !set.signedSectors().contains(user.sector);
        return new SetView(set, file, link(set), signed, waiting.stream().map(Enum::name).toList(), reasons, others,
                visible(criteria.auditsUsing(List.of(set)).getOrDefault(set.id, List.of()), visibleAudits()), canSign,
                user.sector == null ? null : user.sector.name(), currentUser.isAdmin(), error,
                name == null ? user.displayName : name, role, reason);
    }

    @GET
    @Path("{id}/{version}/difference")
    public TemplateInstance difference(@PathParam("id") String id, @PathParam("version") String version,
            @QueryParam("from") String from) {
        CriteriaSet to = criteria.find(id, version);
        List<CriteriaSet> versions = criteria.versionsOf(id).stream().filter(s -> !s.id.equals(to.id)).toList();
        if (versions.isEmpty()) {
            throw DomainException.notFound("Criteria set " + id + " has no other version to compare "
                    + version + " with.");
        }
        CriteriaSet older = from == null || from.isBlank() ? versions.get(0) : criteria.find(id, from);
        return Templates.difference(new DifferenceView(older, to, link(to), criteria.difference(older, to),
                versions));
    }

    /**
     * A signatory signs for their own sector, having read the set: the tick says so, and their
     * name and role are what the sign-off shows.
     */
    @POST
    @Path("{id}/{version}/ratifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ratify(@PathParam("id") String id, @PathParam("version") String version,
            @RestForm String name, @RestForm String role, @RestForm String confirm) {
        CriteriaSet set = criteria.find(id, version);
        User user = currentUser.user();
        String field = null;
        String message = null;
        if (name == null || name.isBlank()) {
            field = "name";
            message = "Give your name as you sign.";
        } else if (role == null || role.isBlank()) {
            field = "role";
            message = "Give your role in your organisation.";
        } else if (!"yes".equals(confirm)) {
            field = "confirm";
            message = "Tick the box to confirm you have read the whole set and sign it for the " + user.sector
                    + " sector.";
        }
        try {
            if (field == null) {
                criteria.ratify(id, version, user.sector, user, name, role);
                return Response.seeOther(URI.create(link(set) + "#sign-offs")).build();
            }
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            field = e.field();
            message = e.getMessage();
        }
        return refused(view(set, new FormError("sign", field, message), name, role, null));
    }

    @POST
    @Path("{id}/{version}/retirement")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") String id, @PathParam("version") String version,
            @RestForm String reason) {
        CriteriaSet set = criteria.find(id, version);
        try {
            criteria.retire(id, version, reason, currentUser.user());
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return refused(view(set, new FormError("retire", e.field(), e.getMessage()), null, null, reason));
        }
        return Response.seeOther(URI.create(link(set))).build();
    }

    private static Response refused(SetView view) {
        return Response.status(400).entity(Templates.set(view).render()).type(MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @Path("upload")
    @RolesAllowed("ADMIN")
    public TemplateInstance uploadForm() {
        return Templates.upload(new UploadView("", List.of(), List.of(), null));
    }

    /**
     * A file chosen in the browser, or the text pasted into the box: checked and stored as the API
     * stores it. A refused file is shown again, numbered, with each problem at its line; nothing is kept.
     */
    @POST
    @Path("upload")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String yaml) {
        String text;
        try {
            text = read(file);
        } catch (CharacterCodingException e) {
            return Response.status(400).entity(Templates.upload(new UploadView(yaml == null ? "" : yaml, List.of(),
                    List.of(), "The chosen file is not text in UTF-8: save it as UTF-8 and choose it again."))
                    .render()).type(MediaType.TEXT_HTML_TYPE).build();
        }
        if (text == null || text.isBlank()) {
            text = yaml == null ? "" : yaml;
        }
        if (text.isBlank()) {
            return Response.status(400).entity(Templates.upload(new UploadView("", List.of(), List.of(),
                    "Choose a criteria file, or paste its text into the box.")).render())
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
        try {
            CriteriaService.Upload upload = criteria.upload(text);
            return Response.seeOther(URI.create(link(upload.set()))).build();
        } catch (DomainException e) {
            if (e.status() == 409) {
                return Response.status(409).entity(Templates.upload(new UploadView(text, List.of(), List.of(),
                        e.getMessage())).render()).type(MediaType.TEXT_HTML_TYPE).build();
            }
            if (e.status() != 400) {
                throw e;
            }
            List<Problem.At> problems = e.places().isEmpty()
                    ? e.problems().stream().map(p -> new Problem.At(p, null, null)).toList() : e.places();
            return Response.status(400).entity(Templates.upload(new UploadView(text, problems, lines(text, problems),
                    problems.size() == 1 ? "The file has 1 problem; nothing was kept."
                            : "The file has " + problems.size() + " problems; nothing was kept.")).render())
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
    }

    private static String read(FileUpload file) throws CharacterCodingException {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return null;
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> lines(String text, List<Problem.At> problems) {
        // a file's last line break does not start another line
        String[] lines = text.stripTrailing().split("\\R", -1);
        return IntStream.range(0, lines.length).mapToObj(i -> new Line(i + 1, lines[i], problems.stream()
                .filter(p -> p.line() != null && p.line() == i + 1).map(Problem.At::detail).toList())).toList();
    }

    static String link(CriteriaSet set) {
        return "/criteria-sets/" + set.setId + "/" + set.version;
    }

    /** For templates: when a set was retired, on the same clock as the sign-offs. */
    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
