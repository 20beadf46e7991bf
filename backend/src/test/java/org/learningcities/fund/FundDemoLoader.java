package org.learningcities.fund;

/** Loads the fund demo data from tests of other packages (the loader is package-private). */
public final class FundDemoLoader {

    private FundDemoLoader() {
    }

    public static void load(FundDemoData fund) {
        fund.loadAsFundManager();
    }
}
