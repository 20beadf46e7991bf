// The library in the browser: search finds the seed toolkit's resources by a word of their French
// or Spanish translation only; a focal point drafts and submits a case-study fiche, the
// secretariat publishes it and the public then sees it; a file uploaded through the resource
// page downloads byte for byte the same. Each scenario makes its own city, fiche or resource
// (with a timestamp in its name), so reruns never collide.
import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { assert, BASE_URL, callApi, demoUser, expectApi, isoDate, logInOnKeycloak, newPage, scenario, step, tokenFor } from './lib.mjs'

const WAIT_MS = 20_000

/** Waits until the element with this test id reads exactly `text`. */
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

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

/** The seed toolkit ("Learning Cities Toolkit") and the ids of every resource in its sections. */
async function seedToolkit() {
  const list = await expectApi(200, null, 'GET', '/api/toolkits?size=100&lang=en')
  const summary = list.body.items.find((toolkit) => toolkit.title === 'Learning Cities Toolkit')
  assert(summary, `the seed toolkit is not listed: ${list.text}`)
  const toolkit = (await expectApi(200, null, 'GET', `/api/toolkits/${summary.id}?lang=en`)).body
  return { toolkit, resourceIds: new Set(toolkit.sections.flatMap((section) => section.resources.map((resource) => resource.id))) }
}

/**
 * Searches through the library's box for `word`, which only the `language` translation of some of
 * the seed toolkit's resources holds, and opens the first such resource.
 */
async function searchByTranslatedWord(page, label, word, language, seed) {
  await step(`${label}: "${word}" is in no English title of the seed toolkit's resources`, null, async () => {
    for (const id of seed.resourceIds) {
      const resource = (await expectApi(200, null, 'GET', `/api/resources/${id}?lang=en`)).body
      assert(!resource.translations.title?.en?.toLowerCase().includes(word), `the English title of resource ${id} has "${word}"`)
    }
  })
  await step(`${label}: searching the library for "${word}" lists resources of the seed toolkit, the word marked in the snippet`, page, async () => {
    await page.goto(`${BASE_URL}/library`)
    await page.getByTestId('library-q').fill(word)
    await page.getByTestId('library-submit').click()
    await page.waitForURL((url) => url.searchParams.get('q') === word)
    await page.getByTestId('search-result').first().waitFor()
    const results = page.locator(`[data-testid="search-result"][data-kind="RESOURCE"]`)
    const count = await results.count()
    assert(count > 0, 'no resource among the results')
    const hrefs = await results.getByTestId('search-result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    const ids = hrefs.map((href) => Number(href.split('/').pop()))
    assert(ids.some((id) => seed.resourceIds.has(id)), `none of ${hrefs} is in the seed toolkit`)
    const marks = await results.first().locator('mark').allTextContents()
    assert(marks.some((mark) => mark.toLowerCase().startsWith(word)), `the snippet marks ${JSON.stringify(marks)}, not "${word}"`)
  })
  await step(`${label}: the result opens the resource, whose ${language} title has the word`, page, async () => {
    const first = page.locator(`[data-testid="search-result"][data-kind="RESOURCE"]`).first().getByTestId('search-result-link')
    const href = await first.getAttribute('href')
    await first.click()
    await page.waitForURL(`${BASE_URL}${href}`)
    await page.getByTestId('resource-title').waitFor()
    const resource = (await expectApi(200, null, 'GET', `/api/resources/${href.split('/').pop()}?lang=en`)).body
    assert(resource.translations.title[language]?.toLowerCase().includes(word), `its ${language} title is "${resource.translations.title[language]}"`)
  })
}

async function scenarioSearch(browser) {
  let seed
  await step('k: the seed toolkit and its resources are there', null, async () => {
    seed = await seedToolkit()
    assert(seed.resourceIds.size >= 16, `the seed toolkit has ${seed.resourceIds.size} resources`)
  })
  const page = await newPage(browser)
  try {
    await searchByTranslatedWord(page, 'k', 'mentorat', 'fr', seed)
    await searchByTranslatedWord(page, 'k', 'voluntariado', 'es', seed)
    await step('k: a link to /library?q=… (as the home page makes) searches at once', page, async () => {
      await page.goto(`${BASE_URL}/library?q=mentorat&kind=RESOURCE`)
      await page.getByTestId('search-result').first().waitFor()
      assert((await page.getByTestId('library-q').inputValue()) === 'mentorat', 'the box does not show the words of the URL')
      const kinds = await page.getByTestId('search-result').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))
      assert(kinds.every((kind) => kind === 'RESOURCE'), `the kind filter let through ${kinds}`)
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioFiche(browser, secretariatToken) {
  const ts = Date.now()
  const focalPoint = demoUser('focal-point')
  const secretariat = demoUser('secretariat')
  const name = `E2E skills partnership ${ts}`
  let city
  let ficheId
  await step('l: the secretariat creates a city and links focal-point to it', null, async () => {
    city = (await expectApi(201, secretariatToken, 'POST', '/api/members', { body: { name: `Ficheville-${ts}`, country: 'BE', yearJoined: 2022 } })).body
    await expectApi(201, secretariatToken, 'POST', `/api/members/${city.id}/focal-points`, {
      body: { name: focalPoint.name, email: 'femi.focal-point@example.org', preferredLanguage: 'en', username: focalPoint.username },
    })
  })

  const page = await newPage(browser)
  try {
    await step('l: focal-point logs in and drafts a fiche for the city', page, async () => {
      await page.goto(`${BASE_URL}/case-studies`)
      await logInOnKeycloak(page, focalPoint)
      await page.getByTestId('case-study-new').click()
      await page.getByTestId('case-study-form').waitFor()
      await page.getByTestId('input-memberId').selectOption(String(city.id))
      await page.getByTestId('input-name').fill(name)
      await page.getByTestId('input-purpose').fill('Skills centres run with local industry.')
      await page.getByTestId('input-leadOrganisation').fill('Public employment service')
      await page.getByTestId('input-lessonsLearned').fill('Partnership is essential.')
      await page.getByTestId('case-study-save').click()
      await waitForText(page, 'case-study-name', name)
      await waitForText(page, 'case-study-status', 'Draft')
      ficheId = Number(page.url().split('/').pop())
      assert(Number.isInteger(ficheId), `not on the fiche's page: ${page.url()}`)
      await waitForText(page, 'case-study-lessonsLearned', 'Partnership is essential.')
    })
    await step('l: the draft is not public', null, async () => {
      await expectApi(404, null, 'GET', `/api/case-studies/${ficheId}`)
    })
    await step('l: focal-point submits it', page, async () => {
      await page.getByTestId('case-study-submit').click()
      await waitForText(page, 'case-study-status', 'Submitted')
      await page.getByTestId('case-study-notice').waitFor()
      assert((await page.getByTestId('case-study-edit').count()) === 0, 'a submitted fiche still offers Edit to the focal point')
    })
  } finally {
    await page.context().close()
  }

  await step('l: a submitted fiche is still not public', null, async () => {
    await expectApi(404, null, 'GET', `/api/case-studies/${ficheId}`)
  })

  const secretariatPage = await newPage(browser)
  try {
    await step('l: the secretariat opens the submitted fiche and publishes it', secretariatPage, async () => {
      await secretariatPage.goto(`${BASE_URL}/case-studies/${ficheId}`)
      await logInOnKeycloak(secretariatPage, secretariat)
      await waitForText(secretariatPage, 'case-study-status', 'Submitted')
      await secretariatPage.getByTestId('case-study-publish').click()
      await waitForText(secretariatPage, 'case-study-status', 'Published')
    })
  } finally {
    await secretariatPage.context().close()
  }

  const visitor = await newPage(browser)
  try {
    await step('l: an anonymous visitor finds it among the case studies and reads it, without its contact', visitor, async () => {
      await visitor.goto(`${BASE_URL}/case-studies`)
      await visitor.getByRole('link', { name, exact: true }).click()
      await waitForText(visitor, 'case-study-name', name)
      await waitForText(visitor, 'case-study-status', 'Published')
      await waitForText(visitor, 'case-study-purpose', 'Skills centres run with local industry.')
      assert((await visitor.getByTestId('case-study-contact').count()) === 0, 'the contact is shown to the public')
      assert((await visitor.getByTestId('case-study-workflow').count()) === 0, 'the public is offered workflow actions')
    })
  } finally {
    await visitor.context().close()
  }
}

async function scenarioUpload(browser, secretariatToken) {
  const ts = Date.now()
  const secretariat = demoUser('secretariat')
  // A PDF by its bytes (the API reads the type from them), with random bytes so each run differs.
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n% E2E upload\n'), randomBytes(200_000), Buffer.from('\n%%EOF\n')])
  const fileName = `e2e-guide-${ts}.pdf`
  let resource
  await step('m: the secretariat adds a resource through the API', null, async () => {
    resource = (
      await expectApi(201, secretariatToken, 'POST', '/api/resources', {
        body: { type: 'GUIDE', originalLanguage: 'en', title: { en: `E2E upload guide ${ts}` }, licence: 'CC-BY-4.0' },
      })
    ).body
  })

  const page = await newPage(browser)
  try {
    await step('m: the secretariat uploads a PDF for French on the resource page', page, async () => {
      await page.goto(`${BASE_URL}/resources/${resource.id}`)
      await page.getByTestId('resource-no-downloads').waitFor()
      await logInOnKeycloak(page, secretariat)
      await page.getByTestId('upload-form').waitFor()
      await page.getByTestId('upload-language').selectOption('fr')
      await page.getByTestId('upload-file').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: bytes })
      await page.getByTestId('upload-submit').click()
      await page.getByTestId('upload-done').waitFor()
      const notice = await page.getByTestId('upload-done').textContent()
      assert(notice.includes(sha256(bytes)), `the notice gives another SHA-256: ${notice}`)
      await waitForText(page, 'download-fr', fileName)
    })
    await step('m: the download through the page is byte-identical (SHA-256)', page, async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-fr').click()])
      const path = await download.path()
      const downloaded = await readFile(path)
      assert(downloaded.length === bytes.length, `downloaded ${downloaded.length} bytes, uploaded ${bytes.length}`)
      assert(sha256(downloaded) === sha256(bytes), `SHA-256 ${sha256(downloaded)} differs from the upload's ${sha256(bytes)}`)
      assert(download.suggestedFilename() === fileName, `the download is named ${download.suggestedFilename()}`)
    })
    await step('m: the API sends it as application/pdf with the original name', null, async () => {
      const current = (await expectApi(200, null, 'GET', `/api/resources/${resource.id}`)).body
      const file = current.variants.find((variant) => variant.language === 'fr')?.file
      assert(file && file.sha256 === sha256(bytes), `the resource's French file: ${JSON.stringify(file)}`)
      const answer = await callApi(null, 'GET', file.downloadUrl)
      assert(answer.status === 200, `download answered ${answer.status}`)
      assert((answer.headers.get('content-type') ?? '').startsWith('application/pdf'), `Content-Type ${answer.headers.get('content-type')}`)
      assert((answer.headers.get('content-disposition') ?? '').includes(fileName), `Content-Disposition ${answer.headers.get('content-disposition')}`)
    })
    await step('m: the secretariat removes the French file after confirming; it is gone from the page and the API', page, async () => {
      const before = (await expectApi(200, null, 'GET', `/api/resources/${resource.id}`)).body
      const url = before.variants.find((variant) => variant.language === 'fr').file.downloadUrl
      await page.getByTestId('remove-fr').click()
      await page.getByTestId('remove-confirm-fr').click()
      await waitForText(page, 'remove-done', `The French file ${fileName} was removed.`)
      await page.getByTestId('resource-no-downloads').waitFor()
      const after = (await expectApi(200, null, 'GET', `/api/resources/${resource.id}`)).body
      assert(after.variants.length === 0, `the resource still has ${JSON.stringify(after.variants)}`)
      const answer = await callApi(null, 'GET', url)
      assert(answer.status === 404, `the removed file's download answered ${answer.status}`)
    })
  } finally {
    await page.context().close()
  }
}

/**
 * The secretariat's forms, without curl: a project with two co-financing lines (the sums show as
 * they are typed, and the saved project shows the same), a resource with a French title and link,
 * a toolkit holding it; the library then finds the resource by its French word without accent.
 */
async function scenarioSecretariatForms(browser) {
  const ts = Date.now()
  const secretariat = demoUser('secretariat')
  const acronym = `E2E-${ts}`
  const frenchTitle = `Guide de l'écoquartier${ts} apprenant`
  const searchWord = `ecoquartier${ts}`
  const frenchLink = `https://example.org/e2e-${ts}-fr.pdf`
  const toolkitTitle = `E2E toolkit ${ts}`
  let projectId
  let resourceId
  const page = await newPage(browser)
  try {
    await step('n: the secretariat logs in and opens New project on the projects page', page, async () => {
      await page.goto(`${BASE_URL}/projects`)
      await logInOnKeycloak(page, secretariat)
      await page.getByTestId('project-new').click()
      await page.getByTestId('project-form').waitFor()
    })
    await step('n: two co-financing lines: the sum and the remaining own contribution show as they are typed', page, async () => {
      await page.getByTestId('input-acronym').fill(acronym)
      await page.getByTestId('input-programme').fill('Erasmus+ strategic partnership')
      await page.getByTestId('input-title').fill(`E2E project ${ts}`)
      await page.getByTestId('input-currency').fill('EUR')
      await page.getByTestId('input-totalBudget').fill('100000.00')
      await page.getByTestId('add-cofinancing').click()
      await page.getByTestId('add-cofinancing').click()
      await page.getByTestId('input-cofinancing-source').nth(0).fill('ERDF')
      await page.getByTestId('input-cofinancing-amount').nth(0).fill('50000.10')
      await page.getByTestId('input-cofinancing-source').nth(1).fill('Regional co-financing')
      await page.getByTestId('input-cofinancing-amount').nth(1).fill('20000.20')
      await waitForText(page, 'live-cofinancing-total', '€70,000.30')
      await waitForText(page, 'live-own-contribution', '€29,999.70')
    })
    await step('n: saved, the project page shows both lines and the same sums, computed by the API', page, async () => {
      await page.getByTestId('project-save').click()
      await page.waitForURL(/\/projects\/\d+$/)
      projectId = Number(page.url().split('/').pop())
      await waitForText(page, 'project-acronym', acronym)
      assert((await page.getByTestId('cofinancing-line').count()) === 2, 'the project page does not list two co-financing lines')
      await waitForText(page, 'cofinancing-total', '€70,000.30')
      await waitForText(page, 'own-contribution', '€29,999.70')
    })
    await step('n: the secretariat edits the project (If-Match) and sees the change', page, async () => {
      await page.getByTestId('project-edit').click()
      await page.getByTestId('input-title').fill(`E2E project ${ts}, renamed`)
      await page.getByTestId('project-save').click()
      await page.getByTestId('saved-notice').waitFor()
      await waitForText(page, 'project-title', `E2E project ${ts}, renamed`)
    })
    await step('n: New resource from the library: a French title and a French link, then the upload panel', page, async () => {
      await page.goto(`${BASE_URL}/library`)
      await page.getByTestId('resource-new').click()
      await page.getByTestId('resource-form').waitFor()
      await page.getByTestId('input-type').selectOption('GUIDE')
      await page.getByTestId('input-language').selectOption('fr')
      await page.getByTestId('input-title').fill(frenchTitle)
      await page.getByTestId('input-publicationDate').fill(isoDate())
      await page.getByTestId('input-licence').fill('CC-BY-4.0')
      await page.getByTestId('input-link-fr').fill(frenchLink)
      await page.getByTestId('resource-save').click()
      await page.waitForURL(/\/resources\/\d+$/)
      resourceId = Number(page.url().split('/').pop())
      await waitForText(page, 'resource-title', frenchTitle)
      assert((await page.getByTestId('link-fr').getAttribute('href')) === frenchLink, 'the French link is not offered')
      await page.getByTestId('upload-form').waitFor()
    })
    await step('n: New toolkit from the library, produced by the project, with a section holding the resource', page, async () => {
      await page.goto(`${BASE_URL}/library`)
      await page.getByTestId('toolkit-new').click()
      await page.getByTestId('toolkit-form').waitFor()
      await page.getByTestId('input-title').fill(toolkitTitle)
      await page.locator(`[data-testid="input-producer"] option[value="project:${projectId}"]`).waitFor({ state: 'attached' })
      await page.getByTestId('input-producer').selectOption(`project:${projectId}`)
      await page.getByTestId('add-section').click()
      await page.getByTestId('input-section-title').fill('Getting started')
      await page.locator(`[data-testid="section-0-resources-choice"] option[value="${resourceId}"]`).waitFor({ state: 'attached' })
      await page.getByTestId('section-0-resources-choice').selectOption(String(resourceId))
      await page.getByTestId('section-0-resources-add').click()
      await page.getByTestId('toolkit-save').click()
      await page.waitForURL(/\/toolkits\/\d+$/)
      await waitForText(page, 'toolkit-title', toolkitTitle)
      await waitForText(page, 'toolkit-project', acronym)
      const items = await page.getByTestId('toolkit-resource').allTextContents()
      assert(items.length === 1 && items[0].includes(frenchTitle), `the toolkit's section holds ${JSON.stringify(items)}`)
    })
    await step(`n: the library search finds the resource by its French word typed without accent ("${searchWord}")`, page, async () => {
      await page.goto(`${BASE_URL}/library`)
      await page.getByTestId('library-q').fill(searchWord)
      await page.getByTestId('library-submit').click()
      await page.getByTestId('search-result').first().waitFor()
      const hrefs = await page
        .locator('[data-testid="search-result"][data-kind="RESOURCE"]')
        .getByTestId('search-result-link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
      assert(hrefs.includes(`/resources/${resourceId}`), `the RESOURCE results are ${JSON.stringify(hrefs)}`)
    })
  } finally {
    await page.context().close()
  }
}

export async function toolkitsScenarios(browser) {
  let secretariatToken
  await scenario('toolkits: token', async () => {
    await step('toolkits: password grant for secretariat', null, async () => {
      secretariatToken = await tokenFor(demoUser('secretariat'))
    })
  })
  await scenario('k: search finds the seed toolkit\'s resources by a French or Spanish word', () => scenarioSearch(browser))
  if (!secretariatToken) return
  await scenario('l: a focal point submits a fiche, the secretariat publishes it, the public sees it', () => scenarioFiche(browser, secretariatToken))
  await scenario('m: a file uploads through the resource page, downloads intact and is removed', () => scenarioUpload(browser, secretariatToken))
  await scenario('n: the secretariat adds a project, a resource and a toolkit through the forms; search finds the resource', () => scenarioSecretariatForms(browser))
}
