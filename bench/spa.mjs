// Time until the directory page is interactive in headless Chromium: from navigation start until
// the first rows of the directory are on screen (the SPA has loaded, asked the API and rendered).
// Usage: node bench/spa.mjs URL RUNS   (prints "TTI_MS <n>" per run; the first run is a warm-up)
import { createRequire } from 'node:module'

// playwright-core is a dev dependency of the frontend.
const require = createRequire(new URL('../frontend/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const [url, runs = '5'] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
})
try {
  for (let i = 0; i < Number(runs); i++) {
    const context = await browser.newContext() // empty cache: a first visit
    const page = await context.newPage()
    const started = Date.now()
    await page.goto(url)
    await page.getByTestId('member-row').first().waitFor({ state: 'visible', timeout: 30_000 })
    const took = Date.now() - started
    if (i > 0) console.log(`TTI_MS ${took}`)
    await context.close()
  }
} finally {
  await browser.close()
}
