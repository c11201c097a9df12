package org.bestplace.debrief;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.bestplace.security.Sector;

/** Someone at a debrief, and the sector they came from. */
@Embeddable
public class Attendee {

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Sector sector;

    protected Attendee() {
    }

    public Attendee(String name, Sector sector) {
        this.name = name;
        this.sector = sector;
    }
}
