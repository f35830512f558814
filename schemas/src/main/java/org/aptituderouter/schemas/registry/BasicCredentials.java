package org.aptituderouter.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP basic-auth credentials for the registry, in Confluent's {@code user:password} user-info form. */
public record BasicCredentials(String user, String password) {

    /** Parses {@code user:password}; the password may itself contain colons. */
    public static BasicCredentials parse(String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Basic-auth user info must have the form user:password");
        }
        return new BasicCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of an {@code Authorization} header carrying these credentials. */
    public String authorizationHeader() {
        String token = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=(hidden)]";
    }
}
