// Network members in the browser: the directory's search and filters, a focal point's editing
// rights, and a membership application from submission to admission. Each scenario makes its
// own data through the API first (with a timestamp in every name), so it relies neither on the
// demo data set nor on an empty database.
import {
  assert,
  BASE_URL,
  demoUser,
  en,
  expectApi,
  isoDate,
  logInOnKeycloak,
  newPage,
  scenario,
  step,
  tokenFor,
} from './lib.mjs'

const WAIT_MS = 20_000

/** Waits until the directory's table lists exactly these city names (in any order). */
async function waitForRows(page, expected) {
  const want = [...expected].sort().join(' | ')
  const deadline = Date.now() + WAIT_MS
  let seen = ''
  while (Date.now() < deadline) {
    const names = await page.getByTestId('member-row').locator('td:first-child a').allTextContents()
    seen = names.sort().join(' | ')
    const total = await page.getByTestId('directory-total').textContent().catch(() => null)
    // The total's number, whatever the UI language ("Cities found: 1", "Villes trouvées : 1").
    if (seen === want && total?.match(/\d+/)?.[0] === String(expected.length)) return
    await page.waitForTimeout(200)
  }
  const total = await page.getByTestId('directory-total').textContent().catch(() => null)
  throw new Error(`expected the rows [${want}], saw [${seen}] (${total})`)
}

/** Waits until the element with this test id reads exactly `text`. */
async function waitForText(page, testId, text) {
  const deadline = Date.now() + WAIT_MS
  let seen
  while (Date.now() < deadline) {
    seen = await page.getByTestId(testId).first().textContent().catch(() => null)
    if (seen?.trim() === text) return
    await page.waitForTimeout(200)
  }
  throw new Error(`expected ${testId} to read "${text}", saw "${seen}"`)
}

async function createMember(token, member) {
  const answer = await expectApi(201, token, 'POST', '/api/members', { body: member })
  return answer.body
}

async function scenarioDirectory(browser, secretariatToken) {
  const ts = Date.now()
  const tag = `e2e${ts}` // in every local name, so one search finds exactly these three cities
  const cities = [
    { name: `Medellín-${ts}`, localName: `${tag} Medellín`, country: 'CO', yearJoined: 2015, latitude: 6.2442, longitude: -75.5812, topics: [1] },
    { name: `Quito-${ts}`, localName: `${tag} Quito`, country: 'EC', yearJoined: 2019, latitude: -0.1807, longitude: -78.4678, topics: [2] },
    { name: `Nairobi-${ts}`, localName: `${tag} Nairobi`, country: 'KE', yearJoined: 2020, latitude: -1.2921, longitude: 36.8219, topics: [1] },
  ]
  await step('d: the secretariat creates three cities through the API', null, async () => {
    for (const city of cities) await createMember(secretariatToken, city)
  })

  const page = await newPage(browser)
  try {
    await step(`d: searching "medellin-${ts}" (no accent) finds exactly Medellín-${ts}, in the table and on the map`, page, async () => {
      await page.goto(`${BASE_URL}/`)
      await page.getByTestId('nav-members').click()
      await page.getByTestId('directory-q').fill(`medellin-${ts}`)
      await page.getByTestId('directory-q').press('Enter')
      await waitForRows(page, [cities[0].name])
      assert(new URL(page.url()).searchParams.get('q') === `medellin-${ts}`, `the search is not in the URL: ${page.url()}`)
      await page.getByTestId('map-point').first().waitFor()
      const points = await page.getByTestId('map-point').count()
      assert(points === 1, `expected 1 point on the map, saw ${points}`)
    })
    await step('d: the three cities, then filtered by UNESCO region', page, async () => {
      await page.getByTestId('directory-q').fill(tag)
      await page.getByTestId('directory-submit').click()
      await waitForRows(page, cities.map((city) => city.name))
      await page.getByTestId('directory-region').selectOption('LATIN_AMERICA_CARIBBEAN')
      await waitForRows(page, [cities[0].name, cities[1].name])
      await page.getByTestId('directory-region').selectOption('AFRICA')
      await waitForRows(page, [cities[2].name])
    })
    await step('d: the filtered directory is a link: opened afresh it shows the same city', page, async () => {
      const link = page.url()
      assert(new URL(link).searchParams.get('region') === 'AFRICA', `the region is not in the URL: ${link}`)
      const other = await newPage(browser)
      try {
        await other.goto(link)
        await waitForRows(other, [cities[2].name])
      } finally {
        await other.context().close()
      }
    })
    await step('d: the profile page opens from the table', page, async () => {
      await page.getByRole('link', { name: cities[2].name, exact: true }).click()
      await waitForText(page, 'member-name', cities[2].name)
      assert(/\/members\/\d+$/.test(page.url()), `not on a profile page: ${page.url()}`)
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioFocalPoint(browser, secretariatToken) {
  const ts = Date.now()
  const focalPoint = demoUser('focal-point')
  let own
  let other
  await step('e: the secretariat creates two cities and links focal-point to the first only', null, async () => {
    own = await createMember(secretariatToken, { name: `Ownville-${ts}`, country: 'SN', yearJoined: 2021 })
    other = await createMember(secretariatToken, { name: `Otherville-${ts}`, country: 'SN', yearJoined: 2021 })
    await expectApi(201, secretariatToken, 'POST', `/api/members/${own.id}/focal-points`, {
      body: { name: focalPoint.name, email: 'femi.focal-point@example.org', preferredLanguage: 'fr', username: focalPoint.username },
    })
  })

  const vision = `Une ville qui apprend ${ts}.`
  const page = await newPage(browser)
  try {
    await step('e: focal-point logs in on their city and edits the French vision text', page, async () => {
      await page.goto(`${BASE_URL}/members/${own.id}`)
      await waitForText(page, 'member-name', own.name)
      await logInOnKeycloak(page, focalPoint)
      await page.getByTestId('member-edit').click()
      await page.getByTestId('profile-tab-fr').click()
      await page.getByTestId('input-profile-fr-visionAndMotivation').fill(vision)
      await page.getByTestId('member-save').click()
      await page.getByTestId('member-saved').waitFor()
    })
    await step('e: the French profile shows the new text (in FR, without a fallback note)', page, async () => {
      await page.getByTestId('lang-fr').click()
      await waitForText(page, 'profile-visionAndMotivation', vision)
      assert((await page.getByTestId('profile-fallback').count()) === 0, 'a fallback note is shown for the French text')
      const stored = await expectApi(200, null, 'GET', `/api/members/${own.id}?lang=fr`)
      assert(stored.body.profile?.fr?.visionAndMotivation === vision, `the API has ${JSON.stringify(stored.body.profile)}`)
    })
    await step('e: the focal point sees their city\'s focal points', page, async () => {
      await page.getByTestId('focal-points').getByText(focalPoint.name).waitFor()
    })
    await step('e: focal-point records a progress report on their city and sees it listed', page, async () => {
      const reports = page.getByTestId('progress-reports')
      const note = `E2E report ${ts}`
      await reports.getByTestId('progress-report-add').click()
      const receivedOn = reports.getByTestId('progress-report-receivedOn')
      const shown = await receivedOn.inputValue()
      assert(shown === isoDate(), `the date received defaults to ${shown}, not today (${isoDate()})`)
      // A day back, so that no time zone between browser and server makes the date "in the future".
      await receivedOn.fill(isoDate(new Date(Date.now() - 24 * 3600 * 1000)))
      await reports.getByTestId('progress-report-link').fill(`https://example.org/reports/ownville-${ts}.pdf`)
      await reports.getByTestId('progress-report-note').fill(note)
      await reports.getByTestId('progress-report-save').click()
      await reports.getByTestId('progress-report-recorded').waitFor()
      await reports.getByTestId('progress-report').filter({ hasText: note }).waitFor()
      // The list was asked for again: a report received yesterday leaves nothing overdue.
      assert((await reports.getByTestId('report-overdue').count()) === 0, 'the overdue badge is still shown after recording a report')
      const stored = await expectApi(200, null, 'GET', `/api/members/${own.id}/progress-reports`)
      assert(stored.body.items?.some((report) => report.note === note), `the API lists ${stored.text}`)
    })
    await step('e: on the other city there is no Edit button and no focal-point section', page, async () => {
      // Within the app: a full page load would start a new keycloak-js session (the app does no check-sso).
      await page.getByTestId('nav-members').click()
      await page.getByTestId('directory-q').fill(other.name)
      await page.getByTestId('directory-q').press('Enter')
      await waitForRows(page, [other.name])
      await page.getByRole('link', { name: other.name, exact: true }).click()
      await waitForText(page, 'member-name', other.name)
      await page.getByTestId('user-name').waitFor()
      await page.getByTestId('progress-reports').locator('p').first().waitFor()
      await page.waitForLoadState('networkidle') // /api/me/cities and the focal points have answered
      assert((await page.getByTestId('member-edit').count()) === 0, 'an Edit button is shown on a city that is not theirs')
      assert((await page.getByTestId('focal-points').count()) === 0, 'the focal points of a city that is not theirs are shown')
      assert((await page.getByTestId('progress-report-add').count()) === 0, 'a progress report can be recorded on a city that is not theirs')
    })
    await step('e: PUT /api/members/{other}/profile with the focal point\'s token gives 403', null, async () => {
      const token = await tokenFor(focalPoint)
      const current = await expectApi(200, token, 'GET', `/api/members/${other.id}`)
      await expectApi(403, token, 'PUT', `/api/members/${other.id}/profile`, {
        headers: { 'If-Match': current.headers.get('etag') ?? `"${current.body.version}"` },
        body: { profile: { fr: { visionAndMotivation: 'Pas la mienne.' } } },
      })
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioApplication(browser, secretariatToken) {
  const ts = Date.now()
  const city = `Applicity-${ts}`
  const donor = demoUser('donor')
  const secretariat = demoUser('secretariat')
  const today = new Date()
  let call
  let applicationId
  await step('f: the secretariat opens a call for applications today', null, async () => {
    const closes = new Date(today.getTime() + 30 * 24 * 3600 * 1000)
    const answer = await expectApi(201, secretariatToken, 'POST', '/api/membership-calls', {
      body: { title: `E2E call ${ts}`, opensOn: isoDate(today), closesOn: isoDate(closes) },
    })
    call = answer.body
    assert(call.open === true, `the new call is not open: ${answer.text}`)
  })

  const applicant = await newPage(browser)
  const reviewer = await newPage(browser)
  try {
    await step('f: donor opens Apply, logs in and submits the application form', applicant, async () => {
      await applicant.goto(`${BASE_URL}/`)
      await applicant.getByTestId('nav-apply').click()
      await applicant.getByTestId('open-call').filter({ hasText: call.title }).waitFor()
      await logInOnKeycloak(applicant, donor, applicant.getByTestId('login-prompt-button'))
      await applicant.getByTestId('open-call').filter({ hasText: call.title }).locator('input').check()
      const fill = (name, value) => applicant.getByTestId(`application-${name}`).fill(value)
      await fill('city', city)
      await applicant.getByTestId('application-country').selectOption('PE')
      await fill('mayor.name', 'Rosa Quispe')
      await fill('mayor.title', 'Alcaldesa')
      await fill('contact.name', 'Dana Donor')
      await fill('contact.email', 'dana.donor@example.org')
      await applicant.getByTestId('application-language-en').check()
      await fill('population', '120000')
      await fill('motivation', 'We want every resident to keep learning, at every age, in every neighbourhood.')
      await fill('implementation', 'A learning festival each year, community learning centres and a city learning council.')
      await fill('challenges.0.challenge', 'Low adult participation in learning')
      await applicant.getByTestId('application-challenges.0.rating').selectOption('4')
      await applicant.getByTestId('application-declaration').check()
      await applicant.getByTestId('application-submit').click()
      await applicant.getByTestId('application-submitted').waitFor()
      await waitForText(applicant, 'application-state', en.applicationState.SUBMITTED)
      applicationId = Number(new URL(applicant.url()).pathname.split('/').pop())
      assert(Number.isInteger(applicationId), `no application id in ${applicant.url()}`)
    })

    await step('f: the secretariat finds the application in the queue', reviewer, async () => {
      await reviewer.goto(`${BASE_URL}/applications`)
      await logInOnKeycloak(reviewer, secretariat)
      await reviewer.getByTestId('nav-applications').click()
      await reviewer.getByTestId('queue-callId').selectOption(String(call.id))
      await reviewer.getByTestId('queue-row').filter({ hasText: city }).getByRole('link', { name: city }).click()
      await waitForText(reviewer, 'application-state', en.applicationState.SUBMITTED)
    })
    await step('f: the secretariat records the endorsement, the recommendation and the admission', reviewer, async () => {
      await reviewer.getByTestId('endorsement-signatory').fill('Secretary-General of the National Commission')
      await reviewer.getByTestId('record-endorsement-submit').click()
      await waitForText(reviewer, 'application-state', en.applicationState.ENDORSED)
      await reviewer.getByTestId('recommended-yes').check()
      await reviewer.getByTestId('record-recommendation-submit').click()
      await waitForText(reviewer, 'application-state', en.applicationState.RECOMMENDED)
      await reviewer.getByTestId('outcome-admit').check()
      await reviewer.getByTestId('record-decision-submit').click()
      await waitForText(reviewer, 'application-state', en.applicationState.ADMITTED)
      await reviewer.getByTestId('application-member-link').waitFor()
    })

    await step('f: donor sees the application Admitted, with every step', applicant, async () => {
      await applicant.getByTestId('nav-myApplications').click()
      const card = applicant.getByTestId('my-application').filter({ hasText: city })
      await card.getByTestId('my-application-state').filter({ hasText: en.applicationState.ADMITTED }).waitFor()
      const steps = await card.locator('[data-step]').evaluateAll((items) => items.map((item) => item.getAttribute('data-step')))
      assert(steps.join() === 'SUBMITTED,ENDORSED,RECOMMENDED,ADMITTED', `the timeline shows ${steps.join()}`)
      await card.getByRole('link', { name: city }).click()
      await applicant.waitForURL(`${BASE_URL}/applications/${applicationId}`)
      await waitForText(applicant, 'application-state', en.applicationState.ADMITTED)
    })
    await step('f: the new city is in the directory, joined this year', applicant, async () => {
      await applicant.goto(`${BASE_URL}/members?q=${encodeURIComponent(city.toLowerCase())}`)
      await waitForRows(applicant, [city])
      const year = await applicant.getByTestId('member-row').locator('td').nth(2).textContent()
      assert(year === String(today.getFullYear()), `year joined is ${year}`)
    })
  } finally {
    await applicant.context().close()
    await reviewer.context().close()
  }
}

export async function membersScenarios(browser) {
  let secretariatToken
  await scenario('members: token', async () => {
    await step('members: password grant for secretariat', null, async () => {
      secretariatToken = await tokenFor(demoUser('secretariat'))
    })
  })
  if (!secretariatToken) return
  await scenario('d: search and filter the directory', () => scenarioDirectory(browser, secretariatToken))
  await scenario('e: a focal point edits their own city and cannot edit another', () => scenarioFocalPoint(browser, secretariatToken))
  await scenario('f: an application goes from submission to admission', () => scenarioApplication(browser, secretariatToken))
}
