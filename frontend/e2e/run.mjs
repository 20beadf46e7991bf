// End-to-end test of the running platform (app + API + Keycloak), driven through Debian's chromium.
//
//   BASE_URL      where the backend serves the app and the API (default http://localhost:8080)
//   KEYCLOAK_URL  Keycloak as this script reaches it, for the password grant (default http://localhost:8180)
//   CHROMIUM      the browser binary (default /usr/bin/chromium)
//
// Prints one line per passed step, a screenshot into e2e/output/ for a failed one, and exits 1
// when anything failed. A failure ends its scenario; the other scenarios still run.
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '')
const KEYCLOAK_URL = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/+$/, '')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT_MS = 20_000
const OUTPUT_DIR = new URL('./output/', import.meta.url)

const REALM = 'learning-cities'
const CLI_CLIENT = { id: 'learning-cities-cli', secret: 'dev-cli-secret' }
// The demo users of the dev realm (backend/dev/keycloak/learning-cities-realm.json).
const DEMO_USERS = [
  { username: 'secretariat', password: 'secretariat-demo', name: 'Sam Secretariat', role: 'secretariat' },
  { username: 'fund-manager', password: 'fund-manager-demo', name: 'Farah Fund-Manager', role: 'fund-manager' },
  { username: 'coordinator', password: 'coordinator-demo', name: 'Cora Coordinator', role: 'coordinator' },
  { username: 'focal-point', password: 'focal-point-demo', name: 'Femi Focal-Point', role: 'focal-point' },
  { username: 'donor', password: 'donor-demo', name: 'Dana Donor', role: 'donor' },
]
// Texts the API supplies in French (topic 1 and a country).
const FRENCH_TOPIC = 'Éducation au développement durable (EDD)'
const FRENCH_COUNTRY = 'Sénégal'

const en = JSON.parse(await readFile(new URL('../src/i18n/en.json', import.meta.url), 'utf8'))

let passed = 0
let failed = 0

class StepFailure extends Error {}

/** Runs one step; on failure prints why, saves a screenshot and stops the scenario. */
async function step(name, page, action) {
  try {
    await action()
  } catch (error) {
    failed++
    const cause = error?.cause ? ` (${error.cause.message ?? error.cause})` : '' // fetch hides ECONNREFUSED there
    console.error(`FAILED: ${name}\n  ${String(error?.message ?? error).split('\n').join('\n  ')}${cause}`)
    if (page) await saveScreenshot(page, name)
    throw new StepFailure(name)
  }
  passed++
  console.log(`ok - ${name}`)
}

async function saveScreenshot(page, name) {
  try {
    await mkdir(OUTPUT_DIR, { recursive: true })
    const file = fileURLToPath(new URL(`${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60)}.png`, OUTPUT_DIR))
    await page.screenshot({ path: file, fullPage: true })
    console.error(`  screenshot: ${file} (page was ${page.url()})`)
    for (const line of page.diagnostics ?? []) console.error(`  browser: ${line}`)
  } catch (error) {
    console.error(`  (no screenshot: ${error.message})`)
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

/** A fresh context per scenario: no cookies, no localStorage, English browser. */
async function newPage(browser) {
  const context = await browser.newContext({ locale: 'en-US' })
  context.setDefaultTimeout(TIMEOUT_MS)
  const page = await context.newPage()
  // Kept for the failure report: what the browser itself complained about.
  page.diagnostics = []
  page.on('console', (message) => message.type() === 'error' && page.diagnostics.push(`console: ${message.text()}`))
  page.on('pageerror', (error) => page.diagnostics.push(`page error: ${error.message}`))
  page.on('response', (response) => response.status() >= 400 && page.diagnostics.push(`${response.status()} ${response.url()}`))
  return page
}

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
      await page.getByTestId('login').click()
      await page.locator('#username').fill(user.username)
      await page.locator('#password').fill(user.password)
      await page.locator('#kc-login').click()
      await page.getByTestId('user-name').filter({ hasText: exactly(user.name) }).waitFor()
      const role = page.getByTestId('user-roles').locator(`[data-role="${user.role}"]`)
      await role.filter({ hasText: exactly(en.roles[user.role]) }).waitFor()
      assert(page.url().startsWith(`${BASE_URL}/`), `not back on the app: ${page.url()}`)
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
    const response = await fetch(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: CLI_CLIENT.id,
        client_secret: CLI_CLIENT.secret,
        username: user.username,
        password: user.password,
      }),
    })
    const body = await response.json().catch(() => ({}))
    assert(response.status === 200, `token endpoint answered ${response.status}: ${JSON.stringify(body)}`)
    token = body.access_token
    assert(typeof token === 'string' && token.length > 0, 'no access_token in the answer')
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

/** Runs a scenario; its failure is already reported by step(), anything else is reported here. */
async function scenario(name, run) {
  try {
    await run()
  } catch (error) {
    if (error instanceof StepFailure) return
    failed++
    console.error(`FAILED: ${name}\n  ${error?.stack ?? error}`)
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`FAILED: no browser at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`)
    process.exit(1)
  }
  console.log(`e2e against ${BASE_URL} (Keycloak ${KEYCLOAK_URL}, browser ${CHROMIUM})`)
  // launch() gives every run a fresh temporary profile (user-data-dir) and deletes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    await scenario('a: French reference page', () => scenarioFrenchReference(browser))
    for (const user of DEMO_USERS) await scenario(`b: login as ${user.username}`, () => scenarioLogin(browser, user))
    await scenario('c: API and tokens', () => scenarioApi())
  } finally {
    await browser.close()
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  if (failed > 0 || passed === 0) process.exit(1)
}

main().catch((error) => {
  console.error(`FAILED: ${error?.stack ?? error}`)
  process.exit(1)
})
