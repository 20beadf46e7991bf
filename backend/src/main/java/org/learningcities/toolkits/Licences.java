package org.learningcities.toolkits;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Licence identifiers: every Creative Commons licence in its SPDX form, the usual open licences
 * for documents, data and software, and {@code LicenseRef-...} (SPDX's own way to name other
 * terms, such as all rights reserved).
 */
final class Licences {

    private static final Pattern CREATIVE_COMMONS =
            Pattern.compile("^CC-BY(-NC)?(-ND|-SA)?-(1\\.0|2\\.0|2\\.5|3\\.0|4\\.0)(-[A-Z]{2,3}(-[A-Z]{2})?)?$|^CC0-1\\.0$|^CC-PDDC$");
    private static final Pattern REFERENCE = Pattern.compile("^LicenseRef-[A-Za-z0-9.\\-]{1,80}$");
    private static final Set<String> SPDX = Set.of(
            "Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "MPL-2.0", "EUPL-1.2", "EUPL-1.1",
            "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later",
            "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later",
            "AGPL-3.0-only", "AGPL-3.0-or-later", "GFDL-1.3-only", "GFDL-1.3-or-later",
            "ODbL-1.0", "ODC-By-1.0", "PDDL-1.0", "OGL-UK-3.0", "etalab-2.0", "DL-DE-BY-2.0", "Unlicense");

    private Licences() {
    }

    static boolean isValid(String licence) {
        return licence != null && (SPDX.contains(licence) || CREATIVE_COMMONS.matcher(licence).matches()
                || REFERENCE.matcher(licence).matches());
    }
}
