// Thematic clusters in the browser: a focal point joins clusters for their city until the fourth
// is refused with a readable message (and leaves again, so a rerun on the same database passes);
// a coordinator starts a work plan from the strategy's template and sees 350,000; the secretariat
// is told readably why a city that already coordinates cannot coordinate a second cluster.
// The demo data (2019-2021 term, seven clusters, Cork coordinating Health and well-being, the
// focal-point login looking after Cork) is read through the API first, so the steps adapt to it.
import { assert, BASE_URL, demoUser, en, expectApi, logInOnKeycloak, newPage, scenario, step, tokenFor } from './lib.mjs'

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

/** The clusters (ids) the city is a current member of in the term. */
async function clustersOf(memberId, termId, clusters) {
  const ids = []
  for (const cluster of clusters) {
    const members = await expectApi(200, null, 'GET', `/api/clusters/${cluster.id}/terms/${termId}/members`)
    if (members.body.items.some((city) => city.memberId === memberId && city.leftOn == null)) ids.push(cluster.id)
  }
  return ids
}

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
  let term
  let clusters
  let cork
  let before
  const joined = [] // clusters this scenario joined, left again at the end
  await step('g: the demo data gives Cork, its clusters in 2019-2021, and clusters it is not in', null, async () => {
    term = await demoTerm()
    clusters = await allClusters()
    const found = await expectApi(200, null, 'GET', '/api/members?q=cork&country=IE')
    cork = found.body.items.find((city) => city.name === 'Cork')
    assert(cork, `Cork is not in the directory: ${found.text}`)
    before = await clustersOf(cork.id, term.id, clusters)
    assert(before.length >= 1 && before.length <= 3, `Cork is in ${before.length} clusters`)
    assert(clusters.length - before.length >= 4 - before.length, 'not enough clusters to reach a fourth')
  })

  const token = await tokenFor(focalPoint)
  const page = await newPage(browser)
  try {
    const others = clusters.filter((cluster) => !before.includes(cluster.id))
    await step(`g: focal-point logs in and joins for Cork until it is in three clusters (it is in ${before?.length})`, page, async () => {
      await page.goto(`${BASE_URL}/clusters?term=${term.id}`)
      await logInOnKeycloak(page, focalPoint)
      for (const cluster of others.slice(0, 3 - before.length)) {
        await openCluster(page, term.id, cluster.name.en)
        const mine = page.getByTestId('my-city').filter({ hasText: 'Cork' })
        await waitForText(mine.getByTestId('my-city-state'), en.clusters.mine.notMember)
        await mine.getByTestId('cluster-join').click()
        joined.push(cluster.id)
        await mine.getByTestId('my-city-done').waitFor()
        await page.getByTestId('member-list').getByText('Cork', { exact: true }).waitFor()
      }
      const now = await clustersOf(cork.id, term.id, clusters)
      assert(now.length === 3, `Cork is in ${now.length} clusters after joining, not 3`)
    })
    await step('g: the fourth is refused with the three-clusters rule in words, naming the clusters, and nothing changes', page, async () => {
      const fourth = others[3 - before.length]
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
      const now = await clustersOf(cork.id, term.id, clusters)
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
    // Leave what is left of what this scenario joined, so a rerun on the same database starts alike.
    for (const clusterId of joined) {
      await expectApi(200, token, 'POST', `/api/clusters/${clusterId}/terms/${term.id}/members/${cork.id}/leave`, {
        body: { leftOn: term.endsOn },
      }).catch((error) => console.error(`  clean-up: ${error.message}`))
    }
  }
  await step('g: Cork is back in the clusters it was in before', null, async () => {
    const now = await clustersOf(cork.id, term.id, clusters)
    assert(JSON.stringify(now) === JSON.stringify(before), `Cork is in ${now}, was in ${before}`)
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
}
