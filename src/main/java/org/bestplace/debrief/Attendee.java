package org.bestplace.debrief;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.security.Sector;

/**
 * Someone at a debrief: a member of the audit's team ({@code username} set, shown by their
 * display name and the sector they speak for), or someone else who came, with their organisation
 * (social care, a GP practice) and a sector only where they have one.
 */
@Embeddable
public class Attendee {

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Sector sector;

    @Column(length = 200)
    public String organisation;

    /** The team member's username; null for someone from outside the team. */
    @Column(length = 64)
    public String username;

    protected Attendee() {
    }

    public Attendee(String name, Sector sector) {
        this(name, sector, null);
    }

    public Attendee(String name, Sector sector, String organisation) {
        this.name = name;
        this.sector = sector;
        this.organisation = organisation;
    }

    /** A member of the audit's team, by username: the service fills in their name and sector from the team. */
    public static Attendee member(String username) {
        Attendee attendee = new Attendee();
        attendee.username = username;
        return attendee;
    }

    /** A team member as the team knows them. */
    public static Attendee ofTeam(String username, String displayName, Sector sector, String organisation) {
        Attendee attendee = new Attendee(displayName, sector, organisation);
        attendee.username = username;
        return attendee;
    }

    public boolean isMember() {
        return username != null;
    }

    /** "Priya Shah (COMMUNITY, Northshire Community Health)", or "Sam Lee (Northshire social care)". */
    public String label() {
        List<String> where = new ArrayList<>();
        if (sector != null) {
            where.add(sector.name());
        }
        if (organisation != null && !organisation.isBlank()) {
            where.add(organisation);
        }
        return where.isEmpty() ? name : name + " (" + String.join(", ", where) + ")";
    }
}
