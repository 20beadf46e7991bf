// Thematic clusters in the browser: a focal point joins clusters for their city until the fourth
// is refused with a readable message (and leaves again, so a rerun on the same database passes);
// a coordinator starts a work plan from the strategy's template and sees 350,000; the secretariat
// is told readably why a city that already coordinates cannot coordinate a second cluster.
// The demo data (2019-2021 term, seven clusters, Cork coordinating Health and well-being and a
// member of two more, the focal-point login looking after Cork) is read through the API first;
// Cork's two plain memberships are set aside for the test and restored, with their dates, after it.
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
