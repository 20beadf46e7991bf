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

    /**
     * The race, on two funds at once: on each, 50 allocations of 30,000.00 race for
     * 1,000,000.00 (unearmarked, across three budget lines) — exactly 33 succeed, 17 are refused
     * with the insufficient-funds problem, 10,000.00 stays available, and nothing deadlocks.
     */
    @Test
    void fiftyAllocationsOfThirtyThousandRaceForOneMillionOnTwoFundsAtOnce() throws Exception {
        long[] funds = {fund(), fund()};
        long donorId = donor("GOVERNMENT");
        Map<Long, long[]> lines = new java.util.HashMap<>();
        for (long fundId : funds) {
            receiveUsd(fundId, donorId, "600000.00");
            receiveUsd(fundId, donorId, "400000.00");
            lines.put(fundId, new long[] {budgetLine(fundId, 0), budgetLine(fundId, 1), budgetLine(fundId, 4)});
        }
        int racers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(racers * funds.length);
        CountDownLatch start = new CountDownLatch(1);
        Map<Long, List<Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>>> answers = new java.util.HashMap<>();
        try {
            for (int i = 0; i < racers; i++) {
                for (long fundId : funds) {
                    long line = lines.get(fundId)[i % 3];
                    answers.computeIfAbsent(fundId, k -> new ArrayList<>()).add(pool.submit(() -> {
                        start.await();
                        return allocate(fundId, line, "30000.00").extract();
                    }));
                }
            }
            start.countDown();
            for (long fundId : funds) {
                int created = 0;
                int refused = 0;
                for (var answer : answers.get(fundId)) {
                    var response = answer.get(300, TimeUnit.SECONDS);
                    if (response.statusCode() == 201) {
                        created++;
                    } else if (response.statusCode() == 409 && response.path("type").toString().endsWith("insufficient-funds")
                            && response.path("detail").toString().contains("the allocation needs 30000.00 USD")) {
                        refused++;
                    } else {
                        throw new AssertionError("unexpected answer " + response.statusCode() + " " + response.asString());
                    }
                }
                assertEquals(33, created, "1,000,000 / 30,000 on fund " + fundId);
                assertEquals(17, refused);
                Map<String, Object> summary = summary(fundId);
                assertEquals("990000.00", summary.get("allocated"));
                assertEquals("10000.00", summary.get("available"));
                balancedTrialBalance(fundId);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
