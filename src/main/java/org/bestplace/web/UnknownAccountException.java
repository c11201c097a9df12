package org.bestplace.web;

import io.quarkus.security.ForbiddenException;

/**
 * A valid token from the trust's identity provider for someone who is not a Bestplace user:
 * the caller is known, but has no rights here, so the answer is 403 rather than 401.
 */
public class UnknownAccountException extends ForbiddenException {

    public UnknownAccountException(String message) {
        super(message);
    }
}
