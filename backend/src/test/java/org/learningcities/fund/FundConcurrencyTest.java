package org.learningcities.fund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.fund.Funds.allocate;
import static org.learningcities.fund.Funds.balancedTrialBalance;
import static org.learningcities.fund.Funds.budgetLine;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.fund.Funds.receiveUsd;
import static org.learningcities.fund.Funds.summary;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundConcurrencyTest {

    /**
     * 40 allocations of 250.00 race for 5,000.00 (and one of the budget lines' pools at a time):
     * exactly 20 succeed, the others are refused with 409, and nothing is ever overdrawn.
     */
    @Test
    void racingAllocationsNeverAllocateMoreThanIsAvailable() throws Exception {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        receiveUsd(fundId, donorId, "3000.00");
        receiveUsd(fundId, donorId, "2000.00");
        long[] lines = {budgetLine(fundId, 0), budgetLine(fundId, 1), budgetLine(fundId, 4)};

        int racers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                long line = lines[i % lines.length];
                Callable<Integer> racer = () -> {
                    start.await();
                    return allocate(fundId, line, "250.00").extract().statusCode();
                };
                answers.add(pool.submit(racer));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(120, TimeUnit.SECONDS);
                if (status == 201) {
                    created++;
                } else if (status == 409) {
                    refused++;
                } else {
                    throw new AssertionError("unexpected status " + status);
                }
            }
            assertEquals(20, created, "5000.00 / 250.00");
            assertEquals(20, refused);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> summary = summary(fundId);
        assertEquals("5000.00", summary.get("allocated"));
        assertEquals("0.00", summary.get("available"));
        assertTrue(new BigDecimal((String) summary.get("allocated")).compareTo(new BigDecimal((String) summary.get("received"))) <= 0);
        balancedTrialBalance(fundId);
    }
}
