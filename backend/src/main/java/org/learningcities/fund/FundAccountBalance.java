package org.learningcities.fund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * The running balance of one account of a fund, changed in the transaction that posts to it.
 * Postings lock the rows they touch (PESSIMISTIC_WRITE, in account order) before checking what
 * is available, so concurrent postings to the same pool queue up instead of overdrawing it.
 */
@Entity
@Table(name = "fund_account_balance")
public class FundAccountBalance extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "fund_id")
    public long fundId;
    public String account;
    @Column(name = "debits_usd")
    public BigDecimal debitsUsd = BigDecimal.ZERO.setScale(2);
    @Column(name = "credits_usd")
    public BigDecimal creditsUsd = BigDecimal.ZERO.setScale(2);

    /** Credits minus debits: what a credit-normal account (a pool, an allocation) holds. */
    public BigDecimal creditBalance() {
        return creditsUsd.subtract(debitsUsd);
    }

    /** Debits minus credits: what a debit-normal account (cash, expended) holds. */
    public BigDecimal debitBalance() {
        return debitsUsd.subtract(creditsUsd);
    }
}
