package org.learningcities.common;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a strong ETag ({@code "3"});
 * an update must send it back in If-Match.
 */
public final class Versions {

    private Versions() {
    }

    /** The version as an entity tag for {@code Response.tag(...)} (which adds the quotes itself). */
    public static jakarta.ws.rs.core.EntityTag tag(long version) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(version));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses an update without If-Match (428) or based on another version than the current one (412). */
    public static void requireMatch(String ifMatch, long currentVersion, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send the ETag you read in an If-Match header.", null);
        }
        String current = etag(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current) || tag.equals("*")) {
                return;
            }
        }
        throw new ProblemException(412, "stale-version", "Precondition failed",
                what + " was changed by someone else (now version " + current + "); reload it and try again.", null);
    }
}
