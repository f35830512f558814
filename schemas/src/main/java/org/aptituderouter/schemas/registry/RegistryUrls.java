package org.aptituderouter.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Registry base URLs as Confluent accepts them: possibly with {@code user:password@} (read when
 * {@code basic.auth.credentials.source=URL}) and a trailing slash, neither of which may reach the wire.
 */
public final class RegistryUrls {

    private RegistryUrls() {}

    /** The URL without user info or trailing slash, ready to have an API path appended. */
    public static String base(String url) {
        URI uri = parse(url);
        try {
            String stripped =
                    new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
            return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid schema registry URL: " + url, e);
        }
    }

    /** Credentials from the first URL that carries {@code user:password@}, if any. */
    public static Optional<BasicCredentials> userInfo(List<String> urls) {
        return urls.stream()
                .map(url -> parse(url).getRawUserInfo())
                .filter(info -> info != null && !info.isEmpty())
                .findFirst()
                .map(info -> BasicCredentials.parse(URLDecoder.decode(info, StandardCharsets.UTF_8)));
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid schema registry URL: " + url, e);
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    "Invalid schema registry URL '" + url + "': expected http(s)://host:port");
        }
        return uri;
    }
}
