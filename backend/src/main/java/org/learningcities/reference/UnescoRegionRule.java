package org.learningcities.reference;

import java.util.Set;

/**
 * UNESCO's regions from the UN M49 ones: the Arab States are listed by name; Israel, Türkiye,
 * Cyprus, Armenia, Azerbaijan and Georgia belong to Europe and North America; the rest follows
 * M49. Applied when countries are first loaded; the stored region can then be corrected.
 */
final class UnescoRegionRule {

    static final Set<String> ARAB_STATES = Set.of("DZ", "BH", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA",
            "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE");
    static final Set<String> EUROPE_FROM_ASIA = Set.of("IL", "TR", "CY", "AM", "AZ", "GE");

    private UnescoRegionRule() {
    }

    /** Null for places outside every region (Antarctica). */
    static UnescoRegion.Code regionOf(String iso2, String m49Region, String m49SubRegion) {
        if (ARAB_STATES.contains(iso2)) {
            return UnescoRegion.Code.ARAB_STATES;
        }
        if (EUROPE_FROM_ASIA.contains(iso2)) {
            return UnescoRegion.Code.EUROPE_NORTH_AMERICA;
        }
        return switch (m49Region == null ? "" : m49Region) {
            case "Africa" -> UnescoRegion.Code.AFRICA;
            case "Europe" -> UnescoRegion.Code.EUROPE_NORTH_AMERICA;
            case "Americas" -> "Northern America".equals(m49SubRegion)
                    ? UnescoRegion.Code.EUROPE_NORTH_AMERICA : UnescoRegion.Code.LATIN_AMERICA_CARIBBEAN;
            case "Asia", "Oceania" -> UnescoRegion.Code.ASIA_PACIFIC;
            default -> null;
        };
    }
}
