package org.bestplace.commissioning;

/** Where an action stands: open and in progress are still to be done, done and dropped are finished. */
public enum ActionStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** Still to be done, so it can fall overdue. */
    public boolean pending() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The status in the page's words. */
    public String words() {
        return switch (this) {
            case OPEN -> "Open";
            case IN_PROGRESS -> "In progress";
            case DONE -> "Done";
            case DROPPED -> "Dropped";
        };
    }
}
