package org.bestplace.security;

import java.util.List;

/**
 * A user to create, as the API's JSON and the users page's form both send it: plain text, so
 * that {@link UserService#create(NewUser)} checks every rule itself and both doors refuse the
 * same things with the same words, naming the same field.
 */
public record NewUser(String username, String displayName, String email, String organisation, String sector,
        List<String> roles, String password) {
}
