package org.bestplace.criteria;

import org.bestplace.operations.ServiceClock;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;
import org.bestplace.web.Problem;
import org.jboss.logging.Logger;

/** Loads, uploads, ratifies and serves consensus criteria sets. */
@ApplicationScoped
public class CriteriaService {

    @Inject
    ServiceClock clock;

    @Inject
    ActivityLog activity;

    @Inject
    CriteriaSetUsers users;

    private static final Logger LOG = Logger.getLogger(CriteriaService.class);

    /** Parsed sets by content hash: content never changes under a hash, so this never goes stale. */
    private final Map<String, CriteriaFile> parsed = new ConcurrentHashMap<>();

    public record Upload(CriteriaSet set, boolean created) {
    }

    /** Stores an uploaded YAML file as a draft; the same content again is accepted once more. */
    @Transactional
    public Upload upload(String yaml) {
        CriteriaFile file = validated(yaml, "The criteria file has problems.");
        var existing = CriteriaSet.byIdAndVersion(file.id(), file.version());
        if (existing.isPresent()) {
            if (existing.get().contentHash.equals(file.contentHash())) {
                return new Upload(existing.get(), false);
            }
            throw DomainException.conflict("version", "Criteria set " + file.id() + " version " + file.version()
                    + " already exists with other content; give the new content a new version.");
        }
        CriteriaSet set = new CriteriaSet(file, yaml, "api", clock.now());
        set.persist();
        return new Upload(set, true);
    }

    /**
     * Loads every YAML file of a folder. A file whose id+version is stored with other content
     * replaces it only while no audit uses that set; otherwise nothing is changed and the
     * service must not start, because the audit's results would no longer be reproducible.
     */
    @Transactional
    public void loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.warnf("No criteria folder at %s: no criteria sets loaded from files", directory.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(CriteriaService::isCriteriaFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the criteria folder " + directory, e);
        }
        for (Path path : files) {
            loadFile(path);
        }
    }

    /** A criteria set's YAML file; its training cases ({@code <name>.training.yaml}) sit beside it and are not one. */
    static boolean isCriteriaFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml"))
                && !name.endsWith(".training.yaml") && !name.endsWith(".training.yml");
    }

    private void loadFile(Path path) {
        String yaml;
        try {
            yaml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read criteria file " + path, e);
        }
        String source = path.getFileName().toString();
        // A file stored from this file before, and unchanged since to the byte, was checked then:
        // nothing to parse or store before the first request (which parses it once, by its hash).
        if (CriteriaSet.contentsLoadedFrom(source).contains(yaml)) {
            LOG.debugf("Criteria file %s is unchanged since it was loaded", source);
            return;
        }
        CriteriaFile file;
        try {
            file = validated(yaml, "problems");
        } catch (DomainException e) {
            throw new CriteriaFileRefused("Criteria file " + path + " cannot be loaded: "
                    + String.join("; ", e.problems()));
        }
        var existing = CriteriaSet.byIdAndVersion(file.id(), file.version());
        CriteriaSet set;
        if (existing.isEmpty()) {
            set = new CriteriaSet(file, yaml, source, clock.now());
            set.persist();
        } else if (existing.get().contentHash.equals(file.contentHash())) {
            return;
        } else {
            set = existing.get();
            var user = users.firstAuditUsing(set);
            if (user.isPresent()) {
                CriteriaSetUsers.AuditUsing audit = user.get();
                throw new CriteriaFileRefused("Criteria file " + path + " has changed, but criteria set "
                        + file.id() + " version " + file.version() + " is used by audit " + audit.id() + " ('"
                        + audit.title() + "'). Nothing was overwritten: restore the file, or give the new "
                        + "content a new version.");
            }
            LOG.infof("Criteria set %s %s changed in %s and no audit uses it: replacing it", file.id(),
                    file.version(), source);
            set.replaceContent(file, yaml, source);
        }
        if (file.shipsRatified()) {
            Instant signedAt = clock.now();
            for (CriteriaFile.Signatory signatory : file.consensus().ratifiedBy()) {
                if (!set.signedSectors().contains(signatory.sector())) {
                    set.ratify(signatory.sector(), signatory.role() + " (consensus panel, " + source + ")",
                            new CriteriaRatification.Signatory("Consensus panel", signatory.role()), signedAt);
                }
            }
        }
        LOG.infof("Loaded criteria set %s %s from %s (%s)", file.id(), file.version(), source, set.status);
    }

    /** The file read and checked: the one check for uploads from the API and the page, and for files at start. */
    private CriteriaFile validated(String yaml, String detail) {
        CriteriaFile file = CriteriaFile.parse(yaml);
        List<Problem.At> problems = file.problemsIn(yaml);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFile(detail + " " + problems.size() + " problem(s): "
                    + String.join("; ", problems.stream().map(Problem.At::text).toList()), problems);
        }
        return file;
    }

    /** Checks a file without storing it: the problems an upload of it would be refused with. */
    public List<Problem.At> problems(String yaml) {
        try {
            validated(yaml, "problems");
            return List.of();
        } catch (DomainException e) {
            return e.places().isEmpty() ? e.problems().stream().map(p -> new Problem.At(p, null, null)).toList()
                    : e.places();
        }
    }

    @Transactional
    public CriteriaSet ratify(String setId, String version, Sector sector, User user) {
        return ratify(setId, version, sector, user, null, null);
    }

    /**
     * One sector's sign-off by a user of that sector, with the name and role they sign with (the
     * name defaults to the user's own; the role may be left out by a program that does not ask).
     */
    @Transactional
    public CriteriaSet ratify(String setId, String version, Sector sector, User user, String name, String role) {
        CriteriaSet set = find(setId, version);
        if (user.sector != sector) {
            throw DomainException.forbidden("Only a user of the " + sector + " sector can sign for it; you are "
                    + user.sector + ".");
        }
        String signatory = blank(name) ? user.displayName : name.strip();
        String signedAs = blank(role) ? null : role.strip();
        if (signatory.length() > MAX_SIGNATORY) {
            throw DomainException.invalid("name", "Your name is " + signatory.length() + " characters long; at most "
                    + MAX_SIGNATORY + " are kept.");
        }
        if (signedAs != null && signedAs.length() > MAX_SIGNATORY) {
            throw DomainException.invalid("role", "Your role is " + signedAs.length() + " characters long; at most "
                    + MAX_SIGNATORY + " are kept.");
        }
        set.ratify(sector, user.displayName + " (" + user.username + ", " + user.organisation + ")",
                new CriteriaRatification.Signatory(signatory, signedAs), clock.now());
        activity.record(ActivityEvent.CRITERIA_RATIFIED, null, "Signed criteria set " + setId + " " + version
                + " for the " + sector + " sector as " + signatory + (signedAs == null ? "" : ", " + signedAs)
                + "; the set is now " + set.status);
        return set;
    }

    static final int MAX_SIGNATORY = 200;
    static final int MAX_REASON = 1000;

    /** An administrator takes a set out of use, saying why; the audits on it keep it. */
    @Transactional
    public CriteriaSet retire(String setId, String version, String reason, User user) {
        CriteriaSet set = find(setId, version);
        if (blank(reason)) {
            throw DomainException.invalid("reason", "Give the reason for retiring this criteria set.");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "The reason is " + why.length() + " characters long; at most "
                    + MAX_REASON + " are kept.");
        }
        set.retire(why, user.username, clock.now());
        activity.record(ActivityEvent.CRITERIA_RETIRED, null, "Retired criteria set " + setId + " " + version
                + ": " + why);
        return set;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The audits on each set, by the set's stored id. */
    public Map<Long, List<CriteriaSetUsers.AuditUsing>> auditsUsing(List<CriteriaSet> sets) {
        return users.auditsUsing(sets);
    }

    /** The other stored versions of a set's id, oldest first. */
    public List<CriteriaSet> versionsOf(String setId) {
        return CriteriaSet.versionsOf(setId);
    }

    /** What changed, by code, from one version of a set to another. */
    public CriteriaDifference difference(CriteriaSet from, CriteriaSet to) {
        return CriteriaDifference.between(definition(from), definition(to));
    }

    public CriteriaSet find(String setId, String version) {
        return CriteriaSet.byIdAndVersion(setId, version).orElseThrow(() -> DomainException.notFound(
                "There is no criteria set " + setId + " version " + version + "."));
    }

    public List<CriteriaSet> all() {
        return CriteriaSet.listInOrder();
    }

    /** The parsed content of a stored set. */
    public CriteriaFile definition(CriteriaSet set) {
        return parsed.computeIfAbsent(set.contentHash, hash -> CriteriaFile.parse(set.content));
    }

    /**
     * The parsed content an audit pinned by its hash (audit.criteria_hash): content never changes
     * under a hash, so it is read from the database once and kept; later calls read nothing.
     */
    public CriteriaFile definitionOf(String contentHash) {
        return parsed.computeIfAbsent(contentHash, hash -> {
            CriteriaSet set = CriteriaSet.byContentHash(hash).orElseThrow(() -> new IllegalStateException(
                    "No criteria set holds the content " + hash + " an audit was set up with"));
            CriteriaFile file = CriteriaFile.parse(set.content);
            if (!file.contentHash().equals(hash)) {
                throw new IllegalStateException("Criteria set " + set.setId + " " + set.version
                        + " no longer holds the content " + hash + " an audit was set up with");
            }
            return file;
        });
    }

    /** Raised at start when a criteria file cannot be loaded; the service then stops. */
    public static class CriteriaFileRefused extends IllegalStateException {
        public CriteriaFileRefused(String message) {
            super(message);
        }
    }
}
