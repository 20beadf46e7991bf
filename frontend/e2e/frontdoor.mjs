// The front door: the public home page against /api/stats, each demo user's work queue, the
// language switch on the home page, axe-core on the main pages, a phone-sized screen, keyboard-only
// use, and the first page's weight and time to interactive.
import { gzipSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { assert, BASE_URL, DEMO_USERS, en, expectApi, logInOnKeycloak, newPage, scenario, step, tokenFor } from './lib.mjs'

const DEMO_FUND = 'demo figures'

/**
 * What each demo user's queue must hold: [kind, a text the item shows, whether the demo data gives it
 * a count above 0] (the demo data of `make run`; the coordinator login is linked to Osan by HomeDemoData).
 */
const EXPECTED_QUEUES = {
  secretariat: [
    ['MEMBER_REPORTS_OVERDUE', null, true],
    ['CLUSTER_REPORTS_OVERDUE', null, true],
    ['TRANSLATION_GAPS', null, false],
  ],
  'fund-manager': [
    ['PLEDGES_PAST_DUE', DEMO_FUND, true],
    ['LOW_DELIVERY_ALLOCATIONS', DEMO_FUND, true],
    ['RECEIPTS_TODAY', DEMO_FUND, true],
  ],
  coordinator: [
    ['NEXT_REPORT_DUE', 'Health and well-being', true],
    ['NEW_CLUSTER_MEMBERS', 'Health and well-being', false],
  ],
  'focal-point': [
    ['PROFILE_COMPLETENESS', 'Cork', false],
    ['MY_CLUSTER', 'Health and well-being', false],
  ],
  donor: [
    ['DONOR_STATEMENT', DEMO_FUND, true],
    ['DONOR_USE', null, false],
  ],
}

const number = (value) => new Intl.NumberFormat('en').format(value)

async function stats(lang) {
  return (await expectApi(200, null, 'GET', `/api/stats?lang=${lang}`)).body
}

async function scenarioHomeFigures(browser) {
  const page = await newPage(browser)
  try {
    let expected
    await step('h: the home page shows the member, country and region counts of /api/stats', page, async () => {
      await page.goto(`${BASE_URL}/`)
      expected = await stats('en')
      await page.getByTestId('stat-members').filter({ hasText: number(expected.memberCities) }).waitFor()
      await page.getByTestId('stat-countries').filter({ hasText: number(expected.countries) }).waitFor()
      await page.getByTestId('stat-regions').filter({ hasText: number(expected.regions) }).waitFor()
      assert(expected.memberCities > 0, 'the demo network has member cities')
    })
    await step('h: the count per region, the admissions table, clusters, fund and news match /api/stats', page, async () => {
      for (const region of expected.byRegion) {
        const shown = await page.getByTestId('region-counts').locator(`[data-region="${region.code}"]`).getAttribute('data-count')
        assert(Number(shown) === region.memberCities, `${region.code}: shown ${shown}, API ${region.memberCities}`)
      }
      // The table sits in a closed <details> (the chart shows the same figures): read its text, not what is on screen.
      const rows = await page.getByTestId('admitted-table').locator('tbody tr').allTextContents()
      const apiRows = expected.admittedPerYear.map((row) => `${row.year}${number(row.memberCities)}`)
      assert(JSON.stringify(rows.map((r) => r.trim())) === JSON.stringify(apiRows), `admissions: ${rows} vs ${apiRows}`)
      const clusters = await page.getByTestId('home-clusters').locator('h3').allInnerTexts()
      assert(JSON.stringify(clusters) === JSON.stringify(expected.clusters.map((c) => c.name)), `clusters: ${clusters}`)
      if (expected.fund) {
        const received = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
          Number(expected.fund.received),
        )
        await page.getByTestId('fund-progress').filter({ hasText: received }).waitFor()
      }
      for (const item of expected.news) await page.getByTestId('home-news').getByText(item.title).waitFor()
    })
    await step('h: the map draws one dot per member city with a location, lazily loaded', page, async () => {
      const map = page.getByTestId('home-map')
      await map.locator('circle').first().waitFor()
      assert(Number(await map.getAttribute('data-points')) > 0, 'no points on the map')
      await page.getByTestId('admitted-chart').waitFor()
    })
    await step('h: the search box goes to the library with the words', page, async () => {
      await page.getByTestId('home-search').fill('learning city')
      await page.getByTestId('home-search-button').click()
      await page.waitForURL(`${BASE_URL}/library?q=learning%20city`)
    })
  } finally {
    await page.context().close()
  }
}

/** Lines of text in `fr` that are still English: the same as in EN and not a name or title from the data. */
function englishLeftovers(enText, frText, dataTexts) {
  const enLines = new Set(enText.split('\n').map((line) => line.trim()).filter(Boolean))
  return frText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => enLines.has(line))
    .filter((line) => {
      let rest = line
      for (const data of dataTexts) if (data) rest = rest.split(data).join(' ')
      return /\p{L}{3,}/u.test(rest.replace(/\b[A-Z]{2}\b/g, ''))
    })
}

async function scenarioLanguageSwitch(browser) {
  const page = await newPage(browser)
  try {
    await step('i: switching the home page to FR and ES changes every text in the main element', page, async () => {
      await page.goto(`${BASE_URL}/`)
      await page.getByTestId('home-map').locator('circle').first().waitFor()
      const enText = await page.locator('main').innerText()
      for (const lang of ['fr', 'es']) {
        await page.getByTestId(`lang-${lang}`).click()
        await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' })
        const local = await stats(lang)
        await page.getByRole('heading', { level: 2 }).first().filter({ hasNotText: en.home.figures }).waitFor()
        await page.getByTestId('home-map').locator('circle').first().waitFor()
        await page.getByTestId('stat-members').filter({ hasText: new Intl.NumberFormat(lang).format(local.memberCities) }).waitFor()
        const text = await page.locator('main').innerText()
        // Names and titles that come from the data may exist in one language only (resources, the demo fund's name).
        const data = [
          local.fund?.name,
          ...local.resources.map((r) => r.title),
          ...local.news.flatMap((n) => [n.title, n.clusterName]),
          ...local.clusters.flatMap((c) => [c.name, ...c.coordinators.map((k) => k.name), ...c.topics.map((k) => k.name)]),
          ...local.byRegion.map((r) => r.name),
        ]
        const left = englishLeftovers(enText, text, data)
        assert(left.length === 0, `English left on the ${lang.toUpperCase()} home page: ${JSON.stringify(left)}`)
      }
      await page.getByTestId('lang-en').click()
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioWorkQueue(browser, user) {
  const page = await newPage(browser)
  try {
    await step(`j: ${user.username} logs in from the home page and lands on their work queue`, page, async () => {
      await page.goto(`${BASE_URL}/`)
      await logInOnKeycloak(page, user)
      await page.waitForURL(`${BASE_URL}/my-work`)
      await page.getByTestId(`queue-${user.role}`).waitFor()
    })
    await step(`j: ${user.username}'s queue holds the demo items meant for them, as the API counts them`, page, async () => {
      const token = await tokenFor(user)
      const api = (await expectApi(200, token, 'GET', '/api/me/work-queue?lang=en')).body
      for (const [kind, text, counted] of EXPECTED_QUEUES[user.username]) {
        let item = page.locator(`[data-testid="queue-item"][data-kind="${kind}"]`)
        if (text) item = item.filter({ hasText: text })
        await item.first().waitFor()
        const fromApi = api.items.find((i) => i.kind === kind && (!text || (i.label ?? '').includes(text)))
        assert(fromApi, `the API has no ${kind} ${text ?? ''} for ${user.username}`)
        const shownCount = await item.first().getAttribute('data-count')
        assert(String(fromApi.count ?? '') === shownCount, `${kind}: shown ${shownCount}, API ${fromApi.count}`)
        if (counted) assert(fromApi.count > 0, `${kind} has nothing for ${user.username}: the demo data should give it something`)
      }
    })
    await step(`j: ${user.username}'s first item links to the screen where it is dealt with`, page, async () => {
      const [kind, text] = EXPECTED_QUEUES[user.username][0]
      let item = page.locator(`[data-testid="queue-item"][data-kind="${kind}"]`)
      if (text) item = item.filter({ hasText: text })
      const href = await item.first().locator('a').getAttribute('href')
      await item.first().locator('a').click()
      await page.waitForURL(`${BASE_URL}${href}`)
      await page.locator('main h1').first().waitFor()
    })
  } finally {
    await page.context().close()
  }
}

/** The main pages axe checks; add a path (or a function of the API's data giving one) to check another. */
export const AXE_PAGES = [
  { name: 'home', path: async () => '/', ready: (page) => page.getByTestId('home-map').locator('circle').first().waitFor() },
  { name: 'directory', path: async () => '/members', ready: (page) => page.getByTestId('member-row').first().waitFor() },
  {
    name: 'member page',
    path: async () => `/members/${(await expectApi(200, null, 'GET', '/api/members?status=MEMBER&size=1')).body.items[0].id}`,
  },
  { name: 'clusters', path: async () => '/clusters' },
  {
    name: 'cluster page',
    path: async () => `/clusters/${(await expectApi(200, null, 'GET', '/api/clusters?size=1')).body.items[0].id}`,
  },
  { name: 'fund', path: async () => '/fund' },
  { name: 'library', path: async () => '/library', optional: true },
  { name: 'reference', path: async () => '/reference' },
]

async function scenarioAxe(browser) {
  for (const target of AXE_PAGES) {
    const page = await newPage(browser)
    try {
      await step(`k: axe finds no serious or critical violation on the ${target.name}`, page, async () => {
        const path = await target.path()
        await page.goto(`${BASE_URL}${path}`)
        await page.locator('main h1').first().waitFor()
        if (target.ready) await target.ready(page)
        await page.getByRole('status').filter({ hasText: en.status.loading }).first().waitFor({ state: 'detached' }).catch(() => {})
        if (target.optional && (await page.locator('main h1').first().innerText()) === en.notFound.title) {
          console.log(`  (${path} is not in this build yet: skipped)`)
          return
        }
        await page.waitForLoadState('networkidle').catch(() => {}) // a page that keeps polling is still checked
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        const minor = results.violations.filter((v) => !bad.includes(v)).map((v) => `${v.impact} ${v.id}`)
        console.log(`  axe on ${path}: ${results.passes.length} rules passed${minor.length ? `; minor/moderate: ${minor.join(', ')}` : ''}`)
        assert(
          bad.length === 0,
          bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n'),
        )
      })
    } finally {
      await page.context().close()
    }
  }
}

async function scenarioPhone(browser) {
  for (const target of [
    { name: 'home page', path: '/', key: (page) => [page.getByTestId('stat-members'), page.getByTestId('home-search')] },
    // The table may scroll sideways inside its own region; the page may not, and the first city's link must be on screen.
    { name: 'directory', path: '/members', key: (page) => [page.getByTestId('member-row').first().locator('a'), page.getByTestId('directory-q')] },
  ]) {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 740 }, isMobile: true })
    const page = await context.newPage()
    try {
      await step(`l: the ${target.name} fits a 375-px-wide phone (no horizontal scroll, key parts visible)`, page, async () => {
        await page.goto(`${BASE_URL}${target.path}`)
        for (const element of target.key(page)) await element.waitFor()
        await page.waitForLoadState('networkidle')
        const width = await page.evaluate(() => document.scrollingElement.scrollWidth)
        assert(width <= 375, `the page is ${width} px wide`)
        for (const element of target.key(page)) {
          await element.scrollIntoViewIfNeeded()
          const box = await element.boundingBox()
          assert(box && box.x >= 0 && box.x + box.width <= 375 + 0.5, `${element} is outside the screen: ${JSON.stringify(box)}`)
        }
        await page.getByRole('navigation').first().waitFor()
      })
    } finally {
      await context.close()
    }
  }
}

/**
 * Keyboard only: the skip link comes first and moves focus to the content, every focused control
 * shows the focus outline, the main navigation is reached with Tab and followed with Enter, and the
 * directory's search is typed and submitted without a mouse.
 */
async function scenarioKeyboard(browser) {
  const page = await newPage(browser)
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement
      const style = getComputedStyle(element)
      const box = element.getBoundingClientRect()
      return {
        testId: element.getAttribute('data-testid'),
        id: element.id,
        tag: element.tagName,
        outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
        onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
      }
    })
  const tabTo = async (testId, most) => {
    for (let press = 0; press < most; press++) {
      await page.keyboard.press('Tab')
      const now = await focused()
      assert(now.outline >= 2, `the focused ${now.tag} ${now.testId ?? now.id} shows no focus outline`)
      if (now.testId === testId) return
    }
    throw new Error(`${testId} was not reached in ${most} presses of Tab`)
  }
  try {
    await step('n: the first Tab reaches the visible skip link; Enter moves focus to the content', page, async () => {
      await page.goto(`${BASE_URL}/`)
      await page.getByTestId('stat-members').waitFor()
      await page.keyboard.press('Tab')
      const first = await focused()
      assert(first.tag === 'A' && first.onScreen && first.outline >= 2, `first focus: ${JSON.stringify(first)}`)
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => document.activeElement?.id === 'main')
    })
    await step('n: Tab reaches the members entry of the navigation with a visible outline; Enter opens the directory', page, async () => {
      await page.goto(`${BASE_URL}/`)
      await page.getByTestId('stat-members').waitFor()
      await tabTo('nav-members', 15)
      await page.keyboard.press('Enter')
      await page.waitForURL(`${BASE_URL}/members`)
      await page.getByTestId('member-row').first().waitFor()
    })
    await step('n: the directory search is typed and submitted from the keyboard', page, async () => {
      await tabTo('directory-q', 40)
      await page.keyboard.type('Cork')
      await page.keyboard.press('Enter')
      await page.waitForURL(/[?&]q=Cork/)
      await page.getByTestId('member-row').filter({ hasText: 'Cork' }).first().waitFor()
    })
  } finally {
    await page.context().close()
  }
}

/**
 * The first visit's weight and speed, three times in a fresh context (empty cache): every script the
 * home page loads (gzipped here, as a server would send it) and the time until its figures show and
 * its search box takes input (interactive), then until the lazily loaded map is drawn.
 */
async function scenarioMeasure(browser) {
  const runs = []
  let weights = ''
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    try {
      await step(`m: measure the home page, run ${run + 1} (gzipped JS, time to interactive)`, page, async () => {
        const scripts = new Map()
        page.on('response', async (response) => {
          if (response.request().resourceType() === 'script' && response.url().startsWith(BASE_URL)) {
            scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)))
          }
        })
        const started = Date.now()
        await page.goto(`${BASE_URL}/`)
        await page.getByTestId('stat-members').waitFor()
        await page.getByTestId('home-search').fill('x') // takes input: interactive
        const interactive = Date.now() - started
        await page.getByTestId('home-map').locator('circle').first().waitFor()
        runs.push({ interactive, map: Date.now() - started })
        await page.waitForLoadState('networkidle')
        const html = await (await fetch(`${BASE_URL}/`)).text()
        const eager = [...html.matchAll(/<script[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2])
        const kb = (urls) => (urls.reduce((sum, url) => sum + gzipSync(scripts.get(url) ?? Buffer.alloc(0)).length, 0) / 1024).toFixed(1)
        const eagerUrls = [...scripts.keys()].filter((url) => eager.some((path) => url.endsWith(path)))
        weights = `eager JS of the first page ${kb(eagerUrls)} KB gzipped (${eagerUrls.length} file(s)); all JS the home page loads ${kb([...scripts.keys()])} KB gzipped (${scripts.size} files)`
      })
    } finally {
      await context.close()
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  console.log(`  measure: ${weights}`)
  console.log(`  measure: home page interactive with its figures after ${runs.map((r) => r.interactive).join(', ')} ms` +
    ` (median ${median(runs.map((r) => r.interactive))}); map drawn after median ${median(runs.map((r) => r.map))} ms`)
}

export async function frontDoorScenarios(browser) {
  await scenario('h: home page figures', () => scenarioHomeFigures(browser))
  await scenario('i: language switch on the home page', () => scenarioLanguageSwitch(browser))
  for (const user of DEMO_USERS) await scenario(`j: work queue of ${user.username}`, () => scenarioWorkQueue(browser, user))
  await scenario('k: axe on the main pages', () => scenarioAxe(browser))
  await scenario('l: phone-sized screen', () => scenarioPhone(browser))
  await scenario('n: keyboard only', () => scenarioKeyboard(browser))
  await scenario('m: first page measures', () => scenarioMeasure(browser))
}
