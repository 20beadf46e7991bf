// The multi-donor fund in the browser: the fund manager records a pledge and a receipt in EUR
// through the confirmation step and the public summary moves accordingly; a donor reads their
// own statement and is refused another donor's. Each scenario opens its own fund and donors
// through the API first (with a timestamp in every code and name), so reruns never collide.
import { assert, BASE_URL, demoUser, expectApi, isoDate, logInOnKeycloak, newPage, scenario, step, tokenFor } from './lib.mjs'

const WAIT_MS = 20_000

/** Waits until the element with this test id reads exactly `text` (no-break spaces read as spaces). */
async function waitForText(page, testId, text) {
  const deadline = Date.now() + WAIT_MS
  let seen
  while (Date.now() < deadline) {
    seen = await page.getByTestId(testId).first().textContent().catch(() => null)
    if (seen?.replace(/[\u00a0\u202f]/g, ' ').trim() === text) return
    await page.waitForTimeout(200)
  }
  throw new Error(`expected ${testId} to read "${text}", saw "${seen}"`)
}

/** The text of each cell of a row (by test id). */
async function rowCells(page, testId) {
  const cells = await page.getByTestId(testId).first().locator('th, td').allTextContents()
  return cells.map((cell) => cell.replace(/[\u00a0\u202f]/g, ' ').trim())
}

async function createOrganisation(token, name, kind) {
  return (await expectApi(201, token, 'POST', '/api/organisations', { body: { name, kind, country: 'DE' } })).body
}

/** A fund with the strategy's seven budget lines, its agent a new organisation. */
async function createFund(token, ts, tag) {
  const agent = await createOrganisation(token, `E2E agent ${tag} ${ts}`, 'INTERNATIONAL_ORGANISATION')
  const answer = await expectApi(201, token, 'POST', '/api/funds', {
    body: {
      code: `E2E-${tag}-${ts}`,
      name: `E2E fund ${tag} ${ts}`,
      startsOn: '2019-01-01',
      endsOn: '2021-12-31',
      target: '1000000.00',
      agentOrganisationId: agent.id,
      startFromStrategy: true,
    },
  })
  return answer.body
}

async function createDonor(token, name, username) {
  const organisation = await createOrganisation(token, name, 'DONOR_GOVERNMENT')
  const body = { organisationId: organisation.id, donorType: 'GOVERNMENT', ...(username ? { username } : {}) }
  return (await expectApi(201, token, 'POST', '/api/donors', { body })).body
}

async function scenarioFundManager(browser, secretariatToken) {
  const ts = Date.now()
  const manager = demoUser('fund-manager')
  const valueDate = isoDate(new Date(Date.now() - 24 * 3600 * 1000))
  let fund
  let donor
  await step('g: the secretariat opens a fund and registers a donor through the API', null, async () => {
    fund = await createFund(secretariatToken, ts, 'PLEDGE')
    donor = await createDonor(secretariatToken, `E2E Ministry ${ts}`)
    const summary = await expectApi(200, null, 'GET', `/api/funds/${fund.id}/summary`)
    assert(summary.body.pledged === '0.00' && summary.body.received === '0.00', `a new fund has figures: ${summary.text}`)
  })

  const page = await newPage(browser)
  try {
    await step('g: fund-manager logs in on the fund page; nothing pledged or received yet', page, async () => {
      await page.goto(`${BASE_URL}/fund/${fund.id}`)
      await waitForText(page, 'fund-name', fund.name)
      await logInOnKeycloak(page, manager)
      await waitForText(page, 'fund-percent', '0.00% of the target received: $0.00 of $1,000,000.00.')
    })
    await step('g: a pledge of EUR 100,000.00 at 1.1000 shows its entry (USD 110,000.00) before it is posted', page, async () => {
      await page.getByTestId('fund-link-record').click()
      await page.getByTestId('kind-PLEDGE').check()
      await page.getByTestId('field-donorId').fill(String(donor.id))
      await page.getByTestId('donor-name').waitFor()
      await page.getByTestId('field-amount').fill('100000.00')
      await page.getByTestId('field-currency').fill('EUR')
      await page.getByTestId('field-exchangeRate').fill('1.1000')
      await page.getByTestId('field-date').fill(valueDate)
      await page.getByTestId('movement-review').click()
      await page.getByTestId('confirm-step').waitFor()
      const debit = await rowCells(page, 'preview-leg')
      assert(debit[0].endsWith(`PLEDGED:${donor.id}`) && debit[1] === '$110,000.00' && debit[3] === '€100,000.00', `the pledge's debit leg reads ${debit}`)
      await waitForText(page, 'preview-totals', 'Debits $110,000.00 = credits $110,000.00.')
    })
    await step('g: confirming posts the pledge', page, async () => {
      await page.getByTestId('movement-confirm').click()
      await page.getByTestId('movement-posted').waitFor()
    })
    await step('g: a receipt of EUR 40,000.00 against the pledge, confirmed with a double click, is posted once', page, async () => {
      await page.getByTestId('kind-RECEIPT').check()
      await page.getByTestId('field-donorId').fill(String(donor.id))
      await page.getByTestId('donor-name').waitFor()
      const pledgeOption = page.getByTestId('field-pledgeId').locator('option').nth(1)
      await pledgeOption.waitFor({ state: 'attached' })
      await page.getByTestId('field-pledgeId').selectOption(await pledgeOption.getAttribute('value'))
      await page.getByTestId('field-amount').fill('40000.00')
      await page.getByTestId('field-exchangeRate').fill('1.1000')
      await page.getByTestId('field-date').fill(valueDate)
      await page.getByTestId('field-bankReference').fill(`E2E-${ts}`)
      await page.getByTestId('movement-review').click()
      // 44,000.00 into cash and the pool, and the same as the donor's contributions held in trust (memo pair)
      await waitForText(page, 'preview-totals', 'Debits $88,000.00 = credits $88,000.00.')
      await page.getByTestId('movement-confirm').dblclick()
      await page.getByTestId('movement-posted').waitFor()
      const journal = await expectApi(200, secretariatToken, 'GET', `/api/funds/${fund.id}/journal?kind=RECEIPT`)
      assert(journal.body.total === 1, `expected one receipt in the journal, found ${journal.body.total}`)
    })
    await step('g: the public summary shows USD 110,000.00 pledged, 44,000.00 received, 66,000.00 outstanding', page, async () => {
      await page.getByTestId('fund-link-summary').click()
      await waitForText(page, 'fund-percent', '4.40% of the target received: $44,000.00 of $1,000,000.00.')
      const pledged = await rowCells(page, 'figure-pledged')
      const received = await rowCells(page, 'figure-received')
      const outstanding = await rowCells(page, 'figure-outstandingPledges')
      assert(pledged[1] === '$110,000.00', `pledged reads ${pledged}`)
      assert(received[1] === '$44,000.00', `received reads ${received}`)
      assert(outstanding[1] === '$66,000.00', `outstanding reads ${outstanding}`)
      const government = await rowCells(page, 'donor-type-GOVERNMENT')
      assert(government[1] === '$44,000.00', `received from governments reads ${government}`)
      const summary = await expectApi(200, null, 'GET', `/api/funds/${fund.id}/summary`)
      assert(summary.body.received === '44000.00' && summary.body.pledged === '110000.00', `the API's summary: ${summary.text}`)
    })
    await step('g: the trial balance balances', page, async () => {
      await page.getByTestId('fund-link-trial-balance').click()
      // 110,000.00 pledged (memo) + 44,000.00 received + the same 44,000.00 as the donor's contributions (memo)
      await waitForText(page, 'trial-balanced', 'Balanced: total debits equal total credits ($198,000.00).')
    })
    await step("g: the receipt, found in the journal by its kind, is reversed with a reason after the server's dry run shows the mirror entry", page, async () => {
      await page.getByTestId('fund-link-journal').click()
      await page.getByTestId('journal-kind').selectOption('RECEIPT')
      await page.getByTestId('journal-apply').click()
      await waitForText(page, 'journal-total', '1 entry')
      const entry = page.getByTestId('journal-entry').first()
      await entry.getByTestId('entry-reverse').click()
      await entry.getByTestId('reversal-reason').fill('E2E: recorded against the wrong pledge')
      await entry.getByTestId('reversal-review').click()
      await entry.getByTestId('reversal-confirm-step').waitFor()
      const legs = await entry.getByTestId('reversal-confirm-step').getByTestId('preview-leg').evaluateAll((rows) =>
        rows.map((row) => `${row.getAttribute('data-account')} ${row.getAttribute('data-side')}`))
      assert(legs.join(', ') === `CASH CREDIT, UNALLOCATED:NONE DEBIT, HELD_FOR_DONORS:NONE CREDIT, CONTRIBUTIONS:${donor.id}:NONE DEBIT`,
        `the server's mirror entry reads ${legs}`)
      await entry.getByTestId('reversal-confirm').click()
      await entry.getByTestId('entry-reversed').waitFor()
      await page.getByTestId('fund-link-summary').click()
      await waitForText(page, 'fund-percent', '0.00% of the target received: $0.00 of $1,000,000.00.')
      const outstanding = await rowCells(page, 'figure-outstandingPledges')
      assert(outstanding[1] === '$110,000.00', `outstanding reads ${outstanding} after the reversal`)
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioDonor(browser, secretariatToken) {
  const ts = Date.now()
  const donorUser = demoUser('donor')
  let fund
  let own
  let other
  await step('h: a fund, a donor whose user is "donor" with a receipt in JPY, and another donor, through the API', null, async () => {
    fund = await createFund(secretariatToken, ts, 'DONOR')
    own = await createDonor(secretariatToken, `E2E Own Ministry ${ts}`, donorUser.username)
    other = await createDonor(secretariatToken, `E2E Other Ministry ${ts}`)
    await expectApi(201, secretariatToken, 'POST', `/api/funds/${fund.id}/receipts`, {
      headers: { 'Idempotency-Key': `e2e-donor-${ts}` },
      body: { donorId: own.id, amount: '1000000', currency: 'JPY', exchangeRate: '0.0091', valueDate: '2019-09-30', bankReference: `JP-${ts}` },
    })
  })

  const page = await newPage(browser)
  try {
    await step('h: donor logs in and reads their own statement (JPY without decimals, and in USD)', page, async () => {
      await page.goto(`${BASE_URL}/fund/${fund.id}/donors/${own.id}/statement`)
      await logInOnKeycloak(page, donorUser, page.getByTestId('login-prompt-button'))
      await waitForText(page, 'statement-donor', `${own.name} (Donor country (government))`)
      const receipt = await rowCells(page, 'statement-receipt')
      assert(receipt[1] === '¥1,000,000' && receipt[3] === '$9,100.00', `the receipt reads ${receipt}`)
      await waitForText(page, 'statement-total', 'Total contributed (received less refunded): $9,100.00.')
    })
    await step('h: another donor\'s statement gives a readable refusal, not data', page, async () => {
      await page.goto(`${BASE_URL}/fund/${fund.id}/donors/${other.id}/statement`)
      await page.getByTestId('statement-forbidden').waitFor()
      const text = await page.getByTestId('statement-forbidden').textContent()
      assert(text.includes('belongs to another donor'), `the refusal reads "${text}"`)
      assert((await page.getByTestId('statement').count()) === 0, 'a statement is shown')
    })
    await step('h: the API answers the donor 403 for the other donor\'s statement', null, async () => {
      const token = await tokenFor(donorUser)
      const answer = await expectApi(403, token, 'GET', `/api/funds/${fund.id}/donors/${other.id}/statement`)
      assert((answer.headers.get('content-type') ?? '').startsWith('application/problem+json'), `not a problem: ${answer.headers.get('content-type')}`)
    })
  } finally {
    await page.context().close()
  }
}

/** The fund manager opens a fund and registers a donor in the SPA's forms, then records a pledge on the new fund. */
async function scenarioNewFund(browser, secretariatToken) {
  const ts = Date.now()
  const manager = demoUser('fund-manager')
  let agent
  let party
  await step('i: an administrative agent and a donor organisation exist (API)', null, async () => {
    agent = await createOrganisation(secretariatToken, `E2E new-fund agent ${ts}`, 'INTERNATIONAL_ORGANISATION')
    party = await createOrganisation(secretariatToken, `E2E new-fund donor ${ts}`, 'DONOR_GOVERNMENT')
  })
  const page = await newPage(browser)
  try {
    let fundId
    await step('i: fund-manager logs in on the new fund form and opens a fund with the strategy\'s seven lines', page, async () => {
      await page.goto(`${BASE_URL}/fund/new`)
      await logInOnKeycloak(page, manager, page.getByTestId('login-prompt-button'))
      await page.getByTestId('new-fund-form').waitFor()
      assert((await page.getByTestId('fund-line').count()) === 7, 'seven budget lines are prefilled')
      await page.getByTestId('fund-code').fill(`E2E-NEW-${ts}`)
      await page.getByTestId('fund-name').fill(`E2E new fund ${ts}`)
      await page.getByTestId('fund-startsOn').fill('2022-01-01')
      await page.getByTestId('fund-endsOn').fill('2023-12-31')
      // The agent is found by name as one types, and chosen with a click.
      await page.getByTestId('fund-agent-input').fill(agent.name)
      await page.locator(`[data-testid="fund-agent-option"][data-id="${agent.id}"]`).click()
      await page.getByTestId('fund-create').click()
      await page.waitForURL(/\/fund\/\d+\/record$/, { timeout: WAIT_MS })
      fundId = Number(new URL(page.url()).pathname.split('/')[2])
      const fund = await expectApi(200, null, 'GET', `/api/funds/${fundId}`)
      assert(fund.body.budgetLines.map((l) => l.planned).join(' ') === '200000.00 200000.00 80000.00 20000.00 200000.00 200000.00 100000.00',
        `the new fund's lines: ${fund.text}`)
    })
    let donorId
    await step('i: the fund manager registers the donor in the new donor form', page, async () => {
      await page.getByTestId('fund-link-new-donor').click()
      // The donor's organisation is found by name and chosen with the keyboard (its name is unique to this run).
      const box = page.getByTestId('donor-organisation-input')
      await box.fill(party.name)
      await page.locator(`[data-testid="donor-organisation-option"][data-id="${party.id}"]`).waitFor()
      await box.press('ArrowDown')
      await box.press('Enter')
      assert((await box.inputValue()).startsWith(party.name), `the picker shows "${await box.inputValue()}"`)
      await page.getByTestId('donor-type').selectOption('GOVERNMENT')
      await page.getByTestId('donor-create').click()
      const created = await page.getByTestId('donor-created').textContent()
      donorId = Number(/Donor (\d+) registered/.exec(created)?.[1])
      assert(donorId > 0, `the donor form says "${created}"`)
    })
    await step('i: a pledge of USD 25,000.00 is recorded on the new fund and shows in its summary', page, async () => {
      await page.goto(`${BASE_URL}/fund/${fundId}/record`)
      await page.getByTestId('kind-PLEDGE').check()
      await page.getByTestId('field-donorId').fill(String(donorId))
      await page.getByTestId('donor-name').waitFor()
      await page.getByTestId('field-amount').fill('25000.00')
      await page.getByTestId('field-date').fill('2022-02-01')
      await page.getByTestId('movement-review').click()
      await waitForText(page, 'preview-totals', 'Debits $25,000.00 = credits $25,000.00.')
      await page.getByTestId('movement-confirm').click()
      await page.getByTestId('movement-posted').waitFor()
      const summary = await expectApi(200, null, 'GET', `/api/funds/${fundId}/summary`)
      assert(summary.body.pledged === '25000.00' && summary.body.outstandingPledges === '25000.00', `the new fund's summary: ${summary.text}`)
    })
  } finally {
    await page.context().close()
  }
}

export async function fundScenarios(browser) {
  let secretariatToken
  await scenario('fund: token', async () => {
    await step('fund: password grant for secretariat', null, async () => {
      secretariatToken = await tokenFor(demoUser('secretariat'))
    })
  })
  if (!secretariatToken) return
  await scenario('g: the fund manager records a pledge and a receipt in EUR', () => scenarioFundManager(browser, secretariatToken))
  await scenario('h: a donor reads their own statement and not another\'s', () => scenarioDonor(browser, secretariatToken))
  await scenario('i: the fund manager opens a fund in the SPA and records a pledge on it', () => scenarioNewFund(browser, secretariatToken))
}
