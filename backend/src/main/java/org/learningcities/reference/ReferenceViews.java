package org.learningcities.reference;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningcities.common.Problem.FieldError;

/** What the reference endpoints answer with; one record per schema of the contract. */
public final class ReferenceViews {

    private ReferenceViews() {
    }

    public record RegionView(UnescoRegion.Code code, String name, long countryCount) {
    }

    public record RegionRef(UnescoRegion.Code code, String name) {
    }

    public record TopicView(int number, String code, String name, int groupNumber) {
    }

    public record TopicGroupView(int number, String name, List<TopicView> topics) {
    }

    public record WorkAreaView(int number, String name, String objective) {
    }

    public record IncomeGroupView(IncomeGroup.Code code, String name, long countryCount) {
    }

    public record EditionView(String code, LocalDate effectiveDate, String source, long classifiedCountries,
                              boolean current, Instant loadedAt) {
    }

    public record CountryIncomeGroupView(IncomeGroup.Code code, String name, String edition) {
    }

    public record CountryNames(String en, String fr, String es, String ar, String zh, String ru) {
    }

    public record CountryView(String iso2, String iso3, int numericCode, String name, CountryNames names,
                              String m49Region, String m49SubRegion, RegionRef unescoRegion,
                              CountryIncomeGroupView incomeGroup, List<String> currencies, int version) {
    }

    public record CountryCorrection(@NotNull UnescoRegion.Code unescoRegion) {
    }

    public record CurrencyView(String code, Integer numericCode, String name, int minorUnits) {
    }

    public record ImportReport(boolean dryRun, int rowsRead, int rowsAccepted, List<FieldError> errors,
                               List<FieldError> warnings) {
    }
}
