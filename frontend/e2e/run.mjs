// End-to-end test of the running platform (app + API + Keycloak), driven through Debian's chromium.
//
//   BASE_URL      where the backend serves the app and the API (default http://localhost:8080)
//   KEYCLOAK_URL  Keycloak as this script reaches it, for the password grant (default http://localhost:8180)
//   CHROMIUM      the browser binary (default /usr/bin/chromium)
//
// Prints one line per passed step, a screenshot into e2e/output/ for a failed one, and exits 1
// when anything failed. A failure ends its scenario; the other scenarios still run.
// The network-members scenarios are in members.mjs, the clusters' in clusters.mjs, the fund's in fund.mjs,
// the library's in toolkits.mjs, the home page's and work queues' in frontdoor.mjs. E2E_ONLY picks groups (see main).
import { existsSync } from 'node:fs'
import {
  assert,
  BASE_URL,
  CHROMIUM,
  DEMO_USERS,
  en,
  exactly,
  KEYCLOAK_URL,
  launchBrowser,
  logInOnKeycloak,
  newPage,
  results,
  scenario,
  step,
  tokenFor,
} from './lib.mjs'
import { fundScenarios } from './fund.mjs'
import { clustersScenarios } from './clusters.mjs'
import { membersScenarios } from './members.mjs'
import { toolkitsScenarios } from './toolkits.mjs'
import { frontDoorScenarios } from './frontdoor.mjs'

// Texts the API supplies in French (topic 1 and a country).
const FRENCH_TOPIC = 'Éducation au développement durable (EDD)'
const FRENCH_COUNTRY = 'Sénégal'

async function scenarioFrenchReference(browser) {
  const page = await newPage(browser)
  try {
    await step('a: open / and switch to FR', page, async () => {
      await page.goto(`${BASE_URL}/`)
      await page.getByTestId('lang-fr').click()
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' })
    })
    await step('a: reference page shows French topic and country names from the API', page, async () => {
      await page.getByTestId('nav-reference').click()
      await page.waitForURL(`${BASE_URL}/reference`)
      await page.getByText(FRENCH_TOPIC, { exact: true }).waitFor()
      await page.getByText(FRENCH_COUNTRY, { exact: true }).first().waitFor()
    })
    await step('a: after a reload the page is still in French', page, async () => {
      await page.reload()
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' })
      assert((await page.getByTestId('lang-fr').getAttribute('aria-pressed')) === 'true', 'the FR button is not pressed')
      await page.getByText(FRENCH_TOPIC, { exact: true }).waitFor()
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioLogin(browser, user) {
  const page = await newPage(browser)
  try {
    await step(`b: ${user.username} logs in on Keycloak and the header shows ${user.name} (${user.role})`, page, async () => {
      await page.goto(`${BASE_URL}/`)
      await logInOnKeycloak(page, user)
      const role = page.getByTestId('user-roles').locator(`[data-role="${user.role}"]`)
      await role.filter({ hasText: exactly(en.roles[user.role]) }).waitFor()
      assert(page.url().startsWith(`${BASE_URL}/`), `not back on the app: ${page.url()}`)
    })
    await step(`b: ${user.username} stays logged in on a reload of a deep link`, page, async () => {
      await page.goto(`${BASE_URL}/reference`)
      const role = page.getByTestId('user-roles').locator(`[data-role="${user.role}"]`)
      await role.filter({ hasText: exactly(en.roles[user.role]) }).waitFor()
      // The silent check-sso iframe and the token calls run under the content security policy.
      const refused = page.diagnostics.filter((line) => /Content Security Policy|Refused to/i.test(line))
      assert(refused.length === 0, `the content security policy blocked something: ${refused.join('; ')}`)
    })
    await step(`b: ${user.username} logs out and the Login button is back`, page, async () => {
      await page.getByTestId('logout').click()
      const login = page.getByTestId('login')
      const confirm = page.locator('#kc-logout') // Keycloak asks only when it cannot tell who is logging out
      await login.or(confirm).first().waitFor()
      if (await confirm.isVisible()) await confirm.click()
      await login.waitFor()
      assert(page.url().startsWith(`${BASE_URL}/`), `not back on the app: ${page.url()}`)
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioApi() {
  const user = DEMO_USERS[0]
  let token
  await step(`c: password grant for ${user.username} at ${KEYCLOAK_URL}`, null, async () => {
    token = await tokenFor(user)
  })
  await step('c: GET /api/me with the token gives 200 and username secretariat', null, async () => {
    const response = await fetch(`${BASE_URL}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
    const text = await response.text()
    assert(response.status === 200, `expected 200, got ${response.status}: ${text}`)
    const me = JSON.parse(text)
    assert(me.username === user.username, `expected username ${user.username}, got ${me.username}`)
    assert(Array.isArray(me.roles) && me.roles.includes(user.role), `expected role ${user.role}, got ${JSON.stringify(me.roles)}`)
  })
  await step('c: GET /api/me without a token gives 401 application/problem+json', null, async () => {
    const response = await fetch(`${BASE_URL}/api/me`)
    const contentType = response.headers.get('content-type') ?? ''
    const text = await response.text()
    assert(response.status === 401, `expected 401, got ${response.status}: ${text}`)
    assert(contentType.startsWith('application/problem+json'), `expected application/problem+json, got "${contentType}"`)
    assert(JSON.parse(text).status === 401, `the problem's status is not 401: ${text}`)
  })
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`FAILED: no browser at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`)
    process.exit(1)
  }
  console.log(`e2e against ${BASE_URL} (Keycloak ${KEYCLOAK_URL}, browser ${CHROMIUM})`)
  const browser = await launchBrowser()
  try {
    // E2E_ONLY=fund,clusters runs only those groups (frontdoor, basics, members, fund, clusters, toolkits).
    const only = (process.env.E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    const wanted = (group) => only.length === 0 || only.includes(group)
    // The front door first: it checks the demo data as the stack loaded it, before other scenarios add to it.
    if (wanted('frontdoor')) await frontDoorScenarios(browser)
    if (wanted('basics')) {
      await scenario('a: French reference page', () => scenarioFrenchReference(browser))
      for (const user of DEMO_USERS) await scenario(`b: login as ${user.username}`, () => scenarioLogin(browser, user))
      await scenario('c: API and tokens', () => scenarioApi())
    }
    if (wanted('members')) await membersScenarios(browser)
    if (wanted('fund')) await fundScenarios(browser)
    if (wanted('clusters')) await clustersScenarios(browser)
    if (wanted('toolkits')) await toolkitsScenarios(browser)
  } finally {
    await browser.close()
  }
  console.log(`e2e: ${results.passed} passed, ${results.failed} failed`)
  if (results.failed > 0 || results.passed === 0) process.exit(1)
}

main().catch((error) => {
  console.error(`FAILED: ${error?.stack ?? error}`)
  process.exit(1)
})
