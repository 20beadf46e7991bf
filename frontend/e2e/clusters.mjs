// Thematic clusters in the browser: a focal point joins clusters for their city until the fourth
// is refused with a readable message (and leaves again, so a rerun on the same database passes);
// a coordinator starts a work plan from the strategy's template and sees 350,000; the secretariat
// is told readably why a city that already coordinates cannot coordinate a second cluster.
// The demo data (2019-2021 term, seven clusters, Cork coordinating Health and well-being and a
// member of two more, the focal-point login looking after Cork) is read through the API first;
// Cork's two plain memberships are set aside for the test and restored, with their dates, after it.
// Surveys: the demo 2019 survey's results page shows the API's figures with its charts; the demo
// focal point answers a survey the secretariat opens for the test (and is told readably that the
// closed 2019 survey takes no answers); a coordinator submits a six-monthly report with a news item.
// The secretariat's forms: a term, a cluster (then edited) and a survey are made in the app, and the
// app shows what the API stores. The term lies in the past so that it never becomes the latest one,
// which the other scenarios and the front door show by default.
import { assert, BASE_URL, demoUser, en, expectApi, isoDate, logInOnKeycloak, newPage, scenario, step, tokenFor } from './lib.mjs'

const WAIT_MS = 20_000
const TERM_CODE = '2019-2021'

async function demoTerm() {
  const terms = await expectApi(200, null, 'GET', '/api/cluster-terms?size=100')
  const term = terms.body.items.find((item) => item.code === TERM_CODE)
  assert(term, `no term ${TERM_CODE} in ${terms.text}`)
  return term
}

async function allClusters() {
  return (await expectApi(200, null, 'GET', '/api/clusters?size=100')).body.items
}

/** The city's current memberships in the term: [{ clusterId, joinedOn, coordinator }], by cluster name. */
async function membershipsOf(memberId, termId, clusters) {
  const found = []
  for (const cluster of clusters) {
    const members = await expectApi(200, null, 'GET', `/api/clusters/${cluster.id}/terms/${termId}/members`)
    const city = members.body.items.find((item) => item.memberId === memberId && item.leftOn == null)
    if (city) found.push({ clusterId: cluster.id, joinedOn: city.joinedOn, coordinator: city.coordinator })
  }
  return found
}

const ids = (memberships) => memberships.map((membership) => membership.clusterId)

/** From anywhere in the app to a cluster's page, without a full page load (which would restart the login). */
async function openCluster(page, termId, clusterName) {
  await page.getByTestId('nav-clusters').click()
  await page.getByTestId('cluster-term').selectOption(String(termId))
  await page.getByTestId('clusters-table').getByRole('link', { name: clusterName, exact: true }).click()
  await page.getByTestId('cluster-name').filter({ hasText: clusterName }).waitFor()
}

/** Waits until the element reads exactly `text`. */
async function waitForText(locator, text) {
  const deadline = Date.now() + WAIT_MS
  let seen
  while (Date.now() < deadline) {
    seen = await locator.first().textContent().catch(() => null)
    if (seen?.trim() === text) return
    await locator.page().waitForTimeout(200)
  }
  throw new Error(`expected "${text}", saw "${seen}"`)
}

async function waitForValue(locator, value) {
  const deadline = Date.now() + WAIT_MS
  let seen
  while (Date.now() < deadline) {
    seen = await locator.inputValue().catch(() => null)
    if (seen === value && (await locator.isEnabled().catch(() => false))) return
    await locator.page().waitForTimeout(200)
  }
  throw new Error(`expected the value ${value}, saw ${seen}`)
}

async function scenarioJoinUntilRefused(browser) {
  const focalPoint = demoUser('focal-point')
  const token = await tokenFor(focalPoint)
  let term
  let clusters
  let cork
  let before
  let released = [] // Cork's demo memberships set aside for the test, restored at the end with their dates
  const joined = [] // clusters this scenario joined in the app, left again at the end
  await step('g: Cork (the demo focal point\'s city) keeps only the cluster it coordinates in 2019-2021', null, async () => {
    term = await demoTerm()
    clusters = await allClusters()
    const found = await expectApi(200, null, 'GET', '/api/members?q=cork&country=IE')
    cork = found.body.items.find((city) => city.name === 'Cork')
    assert(cork, `Cork is not in the directory: ${found.text}`)
    before = await membershipsOf(cork.id, term.id, clusters)
    // The demo data may already give Cork three clusters: without a free place, nothing could be joined.
    released = before.filter((membership) => !membership.coordinator)
    for (const membership of released) {
      await expectApi(200, token, 'POST', `/api/clusters/${membership.clusterId}/terms/${term.id}/members/${cork.id}/leave`, {
        body: { leftOn: membership.joinedOn },
      })
    }
    const now = await membershipsOf(cork.id, term.id, clusters)
    assert(now.length === 1 && now[0].coordinator, `Cork is in ${JSON.stringify(now)}`)
    assert(clusters.length >= 4, 'not enough clusters to reach a fourth')
  })

  const page = await newPage(browser)
  try {
    const others = clusters.filter((cluster) => !before.some((membership) => membership.coordinator && membership.clusterId === cluster.id))
    await step('g: focal-point logs in and joins two clusters for Cork in the app: Cork is in three', page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${term.id}`)
      await logInOnKeycloak(page, focalPoint)
      for (const cluster of others.slice(0, 2)) {
        await openCluster(page, term.id, cluster.name.en)
        const mine = page.getByTestId('my-city').filter({ hasText: 'Cork' })
        await waitForText(mine.getByTestId('my-city-state'), en.clusters.mine.notMember)
        await mine.getByTestId('cluster-join').click()
        joined.push(cluster.id)
        await mine.getByTestId('my-city-done').waitFor()
        await page.getByTestId('member-list').getByText('Cork', { exact: true }).waitFor()
      }
      const now = await membershipsOf(cork.id, term.id, clusters)
      assert(now.length === 3, `Cork is in ${now.length} clusters after joining, not 3`)
    })
    await step('g: the fourth is refused with the three-clusters rule in words, naming the clusters, and nothing changes', page, async () => {
      const fourth = others[2]
      await openCluster(page, term.id, fourth.name.en)
      const mine = page.getByTestId('my-city').filter({ hasText: 'Cork' })
      await mine.getByTestId('cluster-join').click()
      const problem = mine.getByTestId('cluster-rule-problem')
      await problem.waitFor()
      assert((await problem.getAttribute('data-rule')) === 'three-clusters', 'not the three-clusters problem')
      const message = (await problem.textContent()) ?? ''
      assert(message.startsWith(en.clusters.rule['three-clusters']), `the message reads "${message}"`)
      assert(message.includes('Cork is already in 3 clusters'), `the message does not name the rule's count: "${message}"`)
      await waitForText(mine.getByTestId('my-city-state'), en.clusters.mine.notMember)
      const now = ids(await membershipsOf(cork.id, term.id, clusters))
      assert(now.length === 3 && !now.includes(fourth.id), `Cork's clusters changed: ${now}`)
    })
    await step('g: focal-point leaves the last cluster it joined, in the app', page, async () => {
      const last = clusters.find((cluster) => cluster.id === joined.at(-1))
      await openCluster(page, term.id, last.name.en)
      const mine = page.getByTestId('my-city').filter({ hasText: 'Cork' })
      await mine.getByTestId('cluster-leave').click()
      await mine.getByTestId('my-city-done').waitFor()
      await waitForText(mine.getByTestId('my-city-state'), en.clusters.mine.notMember)
      joined.pop()
    })
  } finally {
    await page.context().close()
    // Back to the demo data's state (a rerun on the same database starts alike): leave what was
    // joined here, then rejoin what was set aside, on the days it was first joined.
    const cleanUp = async (path, body) =>
      expectApi(path.endsWith('/leave') ? 200 : 201, token, 'POST', path, { body }).catch((error) => console.error(`  clean-up: ${error.message}`))
    for (const clusterId of joined) {
      await cleanUp(`/api/clusters/${clusterId}/terms/${term.id}/members/${cork.id}/leave`, { leftOn: term.endsOn })
    }
    for (const membership of released) {
      await cleanUp(`/api/clusters/${membership.clusterId}/terms/${term.id}/members`, { memberId: cork.id, joinedOn: membership.joinedOn })
    }
  }
  await step('g: Cork is back in the clusters it was in before, joined on the same days', null, async () => {
    const now = await membershipsOf(cork.id, term.id, clusters)
    assert(JSON.stringify(now) === JSON.stringify(before), `Cork is in ${JSON.stringify(now)}, was in ${JSON.stringify(before)}`)
  })
}

async function scenarioWorkPlanFromTemplate(browser, secretariatToken) {
  const ts = Date.now()
  const coordinator = demoUser('coordinator')
  const clusterName = `E2E cluster ${ts}`
  let term
  let cluster
  await step('h: the secretariat adds a city looked after by the coordinator login, a cluster, and appoints the city', null, async () => {
    term = await demoTerm()
    // Every demo cluster already has its plan: a new cluster with a new city (no other coordination) starts empty.
    const city = (await expectApi(201, secretariatToken, 'POST', '/api/members', { body: { name: `Coordville-${ts}`, country: 'GH', yearJoined: 2019 } })).body
    await expectApi(201, secretariatToken, 'POST', `/api/members/${city.id}/focal-points`, {
      body: { name: coordinator.name, email: 'cora.coordinator@example.org', preferredLanguage: 'en', username: coordinator.username },
    })
    cluster = (
      await expectApi(201, secretariatToken, 'POST', '/api/clusters', { body: { name: { en: clusterName }, topics: [11, 12], status: 'ACTIVE' } })
    ).body
    await expectApi(201, secretariatToken, 'POST', `/api/clusters/${cluster.id}/terms/${term.id}/coordinators`, { body: { memberId: city.id } })
  })

  const page = await newPage(browser)
  try {
    await step('h: coordinator logs in, opens the cluster and starts the work plan from the template: 350,000', page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${term.id}`)
      await logInOnKeycloak(page, coordinator)
      await openCluster(page, term.id, clusterName)
      await page.getByTestId('work-plan-empty').waitFor()
      await page.getByTestId('work-plan-from-template').click()
      await waitForText(page.getByTestId('work-plan-total'), '$350,000')
      for (const [area, sum] of [[1, '$160,000'], [2, '$100,000'], [3, '$70,000'], [4, '$20,000']]) {
        await waitForText(page.getByTestId(`work-area-sum-${area}`), sum)
      }
      const rows = await page.getByTestId('activity-row').count()
      assert(rows === 9, `expected the template's 9 activities (2.1 twice), saw ${rows}`)
    })
    await step('h: coordinator marks 1.1 done and adds an activity of 1,500.50: the total follows exactly', page, async () => {
      const first = page.getByTestId('activity-row').filter({ has: page.locator('td:first-child', { hasText: /^1\.1$/ }) })
      await first.getByTestId('activity-status-select').selectOption('DONE')
      // The select follows the stored status: it reads DONE once the plan has been read again.
      await waitForValue(first.getByTestId('activity-status-select'), 'DONE')
      await page.getByTestId('activity-add').click()
      await page.getByTestId('activity-code').fill('4.2')
      await page.getByTestId('activity-workArea').selectOption('4')
      await page.getByTestId('activity-title').fill(`Cluster newsletter ${ts}`)
      await page.getByTestId('activity-cost').fill('1500.50')
      await page.getByTestId('activity-save').click()
      await waitForText(page.getByTestId('work-plan-total'), '$351,500.50')
      await waitForText(page.getByTestId('work-area-sum-4'), '$21,500.50')
      const plan = (await expectApi(200, null, 'GET', `/api/clusters/${cluster.id}/terms/${term.id}/work-plan`)).body
      assert(plan.activities.find((activity) => activity.code === '1.1')?.status === 'DONE', 'activity 1.1 is not DONE in the API')
      assert(plan.sums.totalUsd === '351500.50', `the API's total is ${plan.sums.totalUsd}`)
    })
  } finally {
    await page.context().close()
  }
  return { term, cluster, clusterName }
}

async function scenarioAppointRefused(browser, created) {
  const secretariat = demoUser('secretariat')
  const page = await newPage(browser)
  try {
    await step('i: the secretariat tries to appoint Cork (coordinating Health and well-being) to a second cluster: refused in words', page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${created.term.id}`)
      await logInOnKeycloak(page, secretariat)
      await openCluster(page, created.term.id, created.clusterName)
      await page.getByTestId('appoint-link').click()
      await page.getByTestId('appointed').first().waitFor()
      await page.getByTestId('appoint-q').fill('cork')
      await page.getByTestId('appoint-search').click()
      await page.getByTestId('appoint-result').filter({ hasText: 'Cork' }).getByTestId('coordinator-appoint').click()
      const problem = page.getByTestId('cluster-rule-problem')
      await problem.waitFor()
      assert((await problem.getAttribute('data-rule')) === 'one-coordination', `the problem is ${await problem.getAttribute('data-rule')}`)
      const message = (await problem.textContent()) ?? ''
      assert(message.startsWith(en.clusters.rule['one-coordination']) && message.includes('Health and well-being'), `the message reads "${message}"`)
      const coordinators = await expectApi(200, null, 'GET', `/api/clusters/${created.cluster.id}/terms/${created.term.id}/coordinators`)
      assert(coordinators.body.items.length === 1, `the coordinators changed: ${coordinators.text}`)
    })
  } finally {
    await page.context().close()
  }
}

/** The demo survey of 2019 (closed, with answers) in the 2019-2021 term. */
async function demoSurvey(term) {
  const surveys = await expectApi(200, null, 'GET', `/api/surveys?termId=${term.id}&size=100`)
  const survey = surveys.body.items.find((item) => item.opensOn.startsWith('2019'))
  assert(survey, `no 2019 survey in ${surveys.text}`)
  return survey
}

/** From the clusters page to a survey's row on the surveys page. */
async function openSurveyRow(page, term, surveyId) {
  await page.getByTestId('nav-clusters').click()
  await page.getByTestId('cluster-term').selectOption(String(term.id))
  await page.getByTestId('surveys-link').click()
  const row = page.locator(`[data-testid="survey-row"][data-survey-id="${surveyId}"]`)
  await row.waitFor()
  return row
}

const count = (value) => value.toLocaleString('en-US')

async function scenarioSurveyResults(browser) {
  let term
  let survey
  let results
  await step('j: the demo 2019 survey and its results, read from the API', null, async () => {
    term = await demoTerm()
    survey = await demoSurvey(term)
    results = (await expectApi(200, null, 'GET', `/api/surveys/${survey.id}/results`, { headers: { Accept: 'application/json' } })).body
    assert(results.respondents > 0 && results.topics.length === 12, `unexpected results: ${JSON.stringify(results).slice(0, 300)}`)
  })
  const page = await newPage(browser)
  try {
    await step('j: survey results render: respondents, countries, regions and the votes of every topic as the API gives them, with charts', page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${term.id}`)
      const row = await openSurveyRow(page, term, survey.id)
      await row.getByTestId('survey-results-link').click()
      await waitForText(page.getByTestId('survey-respondents'), count(results.respondents))
      await waitForText(page.getByTestId('survey-countries'), count(results.countries))
      await waitForText(page.getByTestId('survey-regions-covered'), count(results.regionsCovered))
      for (const topic of results.topics) {
        const topicRow = page.locator(`[data-testid="survey-topics-row"][data-key="${topic.topic}"]`)
        await waitForText(topicRow.getByTestId('topic-votes'), count(topic.votes))
        await waitForText(topicRow.getByTestId('topic-volunteers'), count(topic.willingToCoordinate))
      }
      for (const group of results.groups) {
        await waitForText(page.locator(`[data-testid="survey-groups-row"][data-key="${group.group}"]`).getByTestId('group-votes'), count(group.votes))
      }
      for (const region of results.regions) {
        const regionRow = page.locator(`[data-testid="survey-regions-row"][data-key="${region.region}"]`)
        await waitForText(regionRow.getByTestId('region-respondents'), count(region.respondents))
      }
      for (const testId of ['survey-topics-chart', 'survey-groups-chart', 'survey-regions-chart']) {
        const box = await page.getByTestId(testId).boundingBox()
        assert(box && box.width > 0 && box.height > 0, `the chart ${testId} has no size: ${JSON.stringify(box)}`)
        // Chart.js has drawn on it: the canvas is not blank.
        const drawn = await page.getByTestId(testId).evaluate((canvas) => {
          const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
          return pixels.some((value, index) => index % 4 === 3 && value !== 0)
        })
        assert(drawn, `the chart ${testId} is blank`)
      }
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioAnswerSurvey(browser, secretariatToken) {
  const ts = Date.now()
  const focalPoint = demoUser('focal-point')
  let term
  let closed
  let survey
  let cork
  await step('k: the secretariat opens a survey for the test (the demo one closed in 2019)', null, async () => {
    term = await demoTerm()
    closed = await demoSurvey(term)
    const day = 24 * 60 * 60 * 1000
    survey = (
      await expectApi(201, secretariatToken, 'POST', '/api/surveys', {
        body: { termId: term.id, title: { en: `E2E survey ${ts}` }, opensOn: isoDate(new Date(Date.now() - day)), closesOn: isoDate(new Date(Date.now() + 30 * day)) },
      })
    ).body
    assert(survey.status === 'OPEN', `the new survey is ${survey.status}`)
    const found = await expectApi(200, null, 'GET', '/api/members?q=cork&country=IE')
    cork = found.body.items.find((city) => city.name === 'Cork')
    assert(cork, `Cork is not in the directory: ${found.text}`)
  })
  const page = await newPage(browser)
  try {
    await step('k: focal-point answers the open survey for Cork and sees it saved', page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${term.id}`)
      await logInOnKeycloak(page, focalPoint)
      const row = await openSurveyRow(page, term, survey.id)
      await row.getByTestId('survey-answer-link').click()
      await waitForText(page.getByTestId('survey-answer-state'), en.surveys.answer.notYet)
      await page.getByTestId('primary-topic-1').check()
      await page.getByTestId('primary-topic-2').check()
      await page.getByTestId('willing-to-coordinate').check()
      await page.getByTestId('coordinate-topic-2').check()
      await page.getByTestId('questionnaire-hostExpertsMeeting').check()
      await page.getByTestId('questionnaire-researchCaseStudies').check()
      await page.getByTestId('questionnaire-other').fill(`Study visit ${ts}`)
      await page.getByTestId('survey-answer-save').click()
      await waitForText(page.getByTestId('survey-answer-saved'), en.surveys.answer.saved.replace('{{city}}', 'Cork'))
      const answer = (await expectApi(200, secretariatToken, 'GET', `/api/surveys/${survey.id}/answers/${cork.id}`)).body
      assert(JSON.stringify(answer.primaryTopics) === '[1,2]' && answer.willingToCoordinate && JSON.stringify(answer.coordinateTopics) === '[2]', `stored: ${JSON.stringify(answer)}`)
      assert(answer.questionnaire.hostExpertsMeeting && answer.questionnaire.researchCaseStudies && !answer.questionnaire.financialContribution, `stored: ${JSON.stringify(answer.questionnaire)}`)
      assert(answer.questionnaire.other === `Study visit ${ts}` && answer.recordedBy === focalPoint.username, `stored: ${JSON.stringify(answer)}`)
    })
    await step('k: back on the form, the saved answer is there to change', page, async () => {
      const row = await openSurveyRow(page, term, survey.id)
      await row.getByTestId('survey-answer-link').click()
      await page.getByTestId('survey-answer-state').filter({ hasText: 'focal-point' }).waitFor()
      assert(await page.getByTestId('primary-topic-2').isChecked(), 'topic 2 is not ticked')
      assert(await page.getByTestId('coordinate-topic-2').isChecked(), 'coordinating topic 2 is not ticked')
    })
    await step('k: the closed 2019 survey refuses a change, said in words, and nothing changes', page, async () => {
      const before = (await expectApi(200, secretariatToken, 'GET', `/api/surveys/${closed.id}/answers/${cork.id}`)).body
      const row = await openSurveyRow(page, term, closed.id)
      assert((await row.getByTestId('survey-answer-link').count()) === 0, 'a closed survey offers the answer form')
      // The form itself is still reachable by its address (e.g. a bookmark): the server refuses.
      await page.goto(`${BASE_URL}/surveys/${closed.id}/answer`)
      await page.getByTestId('user-name').filter({ hasText: focalPoint.name }).waitFor()
      await page.getByTestId('survey-not-open').waitFor()
      await page.getByTestId('survey-answer-save').click()
      const problem = page.getByTestId('survey-closed')
      await problem.waitFor()
      const message = (await problem.textContent()) ?? ''
      assert(message.startsWith(en.surveys.answer.closed), `the message reads "${message}"`)
      const after = (await expectApi(200, secretariatToken, 'GET', `/api/surveys/${closed.id}/answers/${cork.id}`)).body
      assert(after.version === before.version, 'the closed survey answer changed')
    })
  } finally {
    await page.context().close()
  }
}

async function scenarioReport(browser, secretariatToken, created) {
  const ts = Date.now()
  const coordinator = demoUser('coordinator')
  const title = `E2E news ${ts}`
  const page = await newPage(browser)
  try {
    await step('l: coordinator submits a six-monthly report with a news item; it appears on the cluster page', page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${created.term.id}`)
      await logInOnKeycloak(page, coordinator)
      await openCluster(page, created.term.id, created.clusterName)
      await page.getByTestId('report-new').click()
      const form = page.getByTestId('report-form')
      await form.getByTestId('report-period').selectOption('2021-1')
      await form.locator('[data-testid="report-activity"][data-code="1.1"]').check()
      await form.getByTestId('report-summary-en').fill('The first activities took place.')
      await form.getByTestId('news-add').click()
      const item = form.getByTestId('report-news-item')
      await item.getByTestId('news-title-en').fill(title)
      await item.getByTestId('news-title-fr').fill(`Actualité E2E ${ts}`)
      await item.getByTestId('news-title-es').fill(`Noticia E2E ${ts}`)
      await item.getByTestId('news-text-en').fill('Twelve cities met online.')
      await item.getByTestId('news-date').fill('2021-05-14')
      await item.getByTestId('news-link').fill('https://example.org/e2e-news')
      await form.getByTestId('report-save').click()
      await page.getByTestId('report-saved').waitFor()
      await page.getByTestId('cluster-news').filter({ hasText: title }).waitFor()
      const news = (await expectApi(200, null, 'GET', `/api/news?cluster=${created.cluster.id}&size=100`)).body
      assert(news.items.some((entry) => entry.title === title || entry.title?.en === title), `the news is not in /api/news: ${JSON.stringify(news)}`)
      const due = (await expectApi(200, secretariatToken, 'GET', `/api/cluster-reports/due?cluster=${created.cluster.id}&size=100`)).body
      assert(!due.items.some((entry) => entry.year === 2021 && entry.half === 1), `the reported half-year is still due: ${JSON.stringify(due.items)}`)
    })
  } finally {
    await page.context().close()
  }
}

/** The cluster's topics as the clusters page writes them: names from the API's reference data, joined by "; ". */
async function topicNames(numbers) {
  const topics = (await expectApi(200, null, 'GET', '/api/reference/topics?lang=en')).body.items
  return numbers.map((number) => topics.find((topic) => topic.number === number).name).join('; ')
}

async function scenarioSecretariatForms(browser) {
  const ts = Date.now()
  const secretariat = demoUser('secretariat')
  const termCode = `E2E-${ts}`
  const clusterName = `E2E admin cluster ${ts}`
  const surveyTitle = `E2E admin survey ${ts}`
  let term
  let cluster
  let partner
  const page = await newPage(browser)
  try {
    await step('m: the secretariat adds a term in the app; the API has it with its days', page, async () => {
      partner = (await expectApi(200, null, 'GET', '/api/organisations?q=UNESCO')).body.items.find((item) => item.name === 'UNESCO Institute for Lifelong Learning')
      assert(partner, 'the demo organisation UIL is missing')
      await page.goto(`${BASE_URL}/clusters`)
      await logInOnKeycloak(page, secretariat)
      await page.getByTestId('term-new').click()
      await page.getByTestId('term-code').fill(termCode)
      await page.getByTestId('term-startsOn').fill('1990-09-01')
      await page.getByTestId('term-endsOn').fill('1992-08-31')
      await page.getByTestId('term-save').click()
      await page.getByTestId('term-form').waitFor({ state: 'detached' })
      const terms = (await expectApi(200, null, 'GET', '/api/cluster-terms?size=100')).body.items
      term = terms.find((item) => item.code === termCode)
      assert(term && term.startsOn === '1990-09-01' && term.endsOn === '1992-08-31', `stored: ${JSON.stringify(term)}`)
      await waitForValue(page.getByTestId('cluster-term'), String(term.id))
    })
    await step('m: the secretariat adds a cluster in the app (names, description, topics, a partner); the API has exactly that', page, async () => {
      await page.getByTestId('cluster-new-link').click()
      const form = page.getByTestId('cluster-form')
      await form.getByTestId('name-en').fill(clusterName)
      await form.getByTestId('name-fr').fill(`Groupe E2E ${ts}`)
      await form.getByTestId('description-en').fill('Made by the browser test.')
      await form.getByTestId('cluster-topic-4').check()
      await form.getByTestId('cluster-topic-9').check()
      await form.getByTestId('partner-input').fill('UNESCO Institute')
      await form.locator(`[data-testid="partner-option"][data-id="${partner.id}"]`).click()
      await form.getByTestId('cluster-partner').filter({ hasText: partner.name }).waitFor()
      await form.getByTestId('cluster-save').click()
      await waitForText(page.getByTestId('cluster-name'), clusterName)
      cluster = (await allClusters()).find((item) => item.name.en === clusterName)
      assert(cluster, `${clusterName} is not in /api/clusters`)
      const expected = {
        name: { en: clusterName, fr: `Groupe E2E ${ts}`, es: null },
        description: { en: 'Made by the browser test.', fr: null, es: null },
        topics: [4, 9],
        partnerOrganisationIds: [partner.id],
        status: 'ACTIVE',
      }
      const stored = { name: cluster.name, description: cluster.description, topics: cluster.topics, partnerOrganisationIds: cluster.partnerOrganisationIds, status: cluster.status }
      assert(JSON.stringify(stored) === JSON.stringify(expected), `stored: ${JSON.stringify(stored)}`)
      await waitForText(page.getByTestId('cluster-topics'), await topicNames([4, 9]))
    })
    await step('m: the secretariat edits the cluster (If-Match): a Spanish name, another topic, closed; the API and the page agree', page, async () => {
      await page.getByTestId('cluster-edit-link').click()
      const form = page.getByTestId('cluster-form')
      await waitForValue(form.getByTestId('name-en'), clusterName)
      await form.getByTestId('name-es').fill(`Grupo E2E ${ts}`)
      await form.getByTestId('cluster-topic-9').uncheck()
      await form.getByTestId('cluster-topic-12').check()
      await form.getByTestId('cluster-status').selectOption('CLOSED')
      await form.getByTestId('cluster-save').click()
      await waitForText(page.getByTestId('cluster-status-text'), en.clusters.status.CLOSED)
      const edited = (await expectApi(200, null, 'GET', `/api/clusters/${cluster.id}`)).body
      assert(edited.version === cluster.version + 1, `version ${edited.version} after ${cluster.version}`)
      assert(edited.name.es === `Grupo E2E ${ts}` && edited.name.fr === `Groupe E2E ${ts}`, `names: ${JSON.stringify(edited.name)}`)
      assert(JSON.stringify(edited.topics) === '[4,12]' && edited.status === 'CLOSED', `stored: ${JSON.stringify(edited)}`)
      assert(JSON.stringify(edited.partnerOrganisationIds) === JSON.stringify([partner.id]), `partners: ${edited.partnerOrganisationIds}`)
      await waitForText(page.getByTestId('cluster-topics'), await topicNames(edited.topics))
    })
    await step('m: the new cluster is on the clusters page with the API\'s topics and status', page, async () => {
      await page.getByTestId('nav-clusters').click()
      const row = page.locator(`[data-testid="cluster-row"][data-cluster-id="${cluster.id}"]`)
      await row.getByRole('link', { name: clusterName, exact: true }).waitFor()
      const cells = row.locator('td')
      await waitForText(cells.nth(1), await topicNames([4, 12]))
      assert(((await cells.first().textContent()) ?? '').includes(`(${en.clusters.status.CLOSED})`), 'the row does not say closed')
    })
    await step('m: the secretariat adds a survey to the term from the Surveys entry, then moves its closing day; the API has both', page, async () => {
      await page.getByTestId('nav-surveys').click()
      // The clusters page (with its own term choice) stays up while the surveys page loads.
      await page.getByTestId('survey-new').waitFor()
      await page.getByTestId('cluster-term').selectOption(String(term.id))
      await waitForValue(page.getByTestId('cluster-term'), String(term.id))
      await page.getByTestId('survey-new').click()
      const form = page.getByTestId('survey-form')
      await form.getByTestId('survey-title-en').fill(surveyTitle)
      await form.getByTestId('survey-title-es').fill(`Encuesta E2E ${ts}`)
      await form.getByTestId('survey-opensOn').fill('1991-01-15')
      await form.getByTestId('survey-closesOn').fill('1991-03-31')
      await form.getByTestId('survey-save').click()
      const row = page.getByTestId('survey-row').filter({ hasText: surveyTitle })
      await row.waitFor()
      const created = (await expectApi(200, null, 'GET', `/api/surveys?termId=${term.id}`)).body.items.find((item) => item.title.en === surveyTitle)
      let survey = created
      assert(survey && survey.opensOn === '1991-01-15' && survey.closesOn === '1991-03-31' && survey.title.es === `Encuesta E2E ${ts}`, `stored: ${JSON.stringify(survey)}`)
      await waitForText(row.getByTestId('survey-status'), en.surveys.status.CLOSED)
      await row.getByTestId('survey-edit').click()
      await form.getByTestId('survey-closesOn').fill('1991-04-30')
      await form.getByTestId('survey-save').click()
      await form.waitFor({ state: 'detached' })
      survey = (await expectApi(200, null, 'GET', `/api/surveys/${survey.id}`)).body
      assert(survey.closesOn === '1991-04-30' && survey.version === created.version + 1 && survey.termId === term.id, `stored: ${JSON.stringify(survey)}`)
      await row.filter({ hasText: 'Apr 30, 1991' }).waitFor()
    })
  } finally {
    await page.context().close()
  }
}

export async function clustersScenarios(browser) {
  let secretariatToken
  await scenario('clusters: token', async () => {
    await step('clusters: password grant for secretariat', null, async () => {
      secretariatToken = await tokenFor(demoUser('secretariat'))
    })
  })
  await scenario('g: a focal point joins clusters until the fourth is refused', () => scenarioJoinUntilRefused(browser))
  if (!secretariatToken) return
  let created
  await scenario('h: a coordinator starts a work plan from the template', async () => {
    created = await scenarioWorkPlanFromTemplate(browser, secretariatToken)
  })
  if (created) await scenario('i: the secretariat is told why a city cannot coordinate two clusters', () => scenarioAppointRefused(browser, created))
  await scenario('j: survey results render', () => scenarioSurveyResults(browser))
  await scenario('k: the demo focal point answers an open survey', () => scenarioAnswerSurvey(browser, secretariatToken))
  if (created) await scenario('l: a coordinator submits a report with a news item', () => scenarioReport(browser, secretariatToken, created))
  await scenario("m: the secretariat's forms: a term, a cluster (edited) and a survey", () => scenarioSecretariatForms(browser))
}
