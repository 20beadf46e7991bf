package org.learningcities.fund;

import jakarta.enterprise.context.RequestScoped;

/**
 * How this request posts. Normally a balance row an account lacks is created in its own short
 * transaction, so every racing posting can lock it. Two callers post inside one transaction they
 * own instead, and set {@link #balanceRowsInCallerTransaction}: a preview ({@code dryRun=true}),
 * whose transaction is rolled back so nothing at all is written, and the demo data, whose fund
 * row is not committed yet (a separate transaction would wait on it).
 */
@RequestScoped
public class FundPostingScope {
    boolean balanceRowsInCallerTransaction;
}
