// What every e2e scenario uses: settings, steps that report and screenshot, a browser page per
// scenario, API tokens for the demo users, and the Keycloak login form.
import { mkdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '')
export const KEYCLOAK_URL = (process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(/\/+$/, '')
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT_MS = 20_000
const OUTPUT_DIR = new URL('./output/', import.meta.url)

const REALM = 'learning-cities'
const CLI_CLIENT = { id: 'learning-cities-cli', secret: 'dev-cli-secret' }
// The demo users of the dev realm (backend/dev/keycloak/learning-cities-realm.json).
export const DEMO_USERS = [
  { username: 'secretariat', password: 'secretariat-demo', name: 'Sam Secretariat', role: 'secretariat' },
  { username: 'fund-manager', password: 'fund-manager-demo', name: 'Farah Fund-Manager', role: 'fund-manager' },
  { username: 'coordinator', password: 'coordinator-demo', name: 'Cora Coordinator', role: 'coordinator' },
  { username: 'focal-point', password: 'focal-point-demo', name: 'Femi Focal-Point', role: 'focal-point' },
  { username: 'donor', password: 'donor-demo', name: 'Dana Donor', role: 'donor' },
]
export const demoUser = (username) => DEMO_USERS.find((user) => user.username === username)

/** The app's English texts, to find buttons and messages by what a user reads. */
export const en = JSON.parse(await readFile(new URL('../src/i18n/en.json', import.meta.url), 'utf8'))

export const results = { passed: 0, failed: 0 }

export class StepFailure extends Error {}

/** Runs one step; on failure prints why, saves a screenshot and stops the scenario. */
export async function step(name, page, action) {
  try {
    await action()
  } catch (error) {
    results.failed++
    const cause = error?.cause ? ` (${error.cause.message ?? error.cause})` : '' // fetch hides ECONNREFUSED there
    console.error(`FAILED: ${name}\n  ${String(error?.message ?? error).split('\n').join('\n  ')}${cause}`)
    if (page) await saveScreenshot(page, name)
    throw new StepFailure(name)
  }
  results.passed++
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

/** Runs a scenario; its failure is already reported by step(), anything else is reported here. */
export async function scenario(name, run) {
  try {
    await run()
  } catch (error) {
    if (error instanceof StepFailure) return
    results.failed++
    console.error(`FAILED: ${name}\n  ${error?.stack ?? error}`)
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message)
}

export const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

/** Chromium as proven on these machines (Debian's build; Playwright cannot download browsers here). */
export function launchBrowser() {
  // launch() gives every run a fresh temporary profile (user-data-dir) and deletes it on close.
  return chromium.launch({
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
}

/** A fresh context per scenario (or per user): no cookies, no localStorage, English browser. */
export async function newPage(browser) {
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

/** An access token for a demo user: the password grant on the CLI client. */
export async function tokenFor(user) {
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
  assert(response.status === 200, `token endpoint answered ${response.status} for ${user.username}: ${JSON.stringify(body)}`)
  assert(typeof body.access_token === 'string' && body.access_token.length > 0, 'no access_token in the answer')
  return body.access_token
}

/** Calls the API; returns status, headers and the parsed body (JSON when it is JSON). */
export async function callApi(token, method, path, { body, headers = {} } = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  let parsed = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed, text }
}

/** Like callApi, and fails with the answer unless the status is the expected one. */
export async function expectApi(expected, token, method, path, options) {
  const answer = await callApi(token, method, path, options)
  assert(answer.status === expected, `${method} ${path}: expected ${expected}, got ${answer.status}: ${answer.text}`)
  return answer
}

/** Clicks a Login button on the page (`button` locator) and logs in on Keycloak's form. */
export async function logInOnKeycloak(page, user, button = page.getByTestId('login')) {
  await button.click()
  await page.locator('#username').fill(user.username)
  await page.locator('#password').fill(user.password)
  await page.locator('#kc-login').click()
  await page.getByTestId('user-name').filter({ hasText: exactly(user.name) }).waitFor()
}

/** YYYY-MM-DD in this machine's time zone (the stack runs on the same machine). */
export function isoDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
