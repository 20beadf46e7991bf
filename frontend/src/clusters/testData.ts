// Test data of the clusters' unit tests: one term, a cluster coordinated by Cork and Osan,
// and a work plan started from the strategy's template (350,000 in all).
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { json } from '../test/fakeApi'

export const TERM: Schemas['ClusterTerm'] = { id: 1, code: '2019-2021', startsOn: '2019-09-01', endsOn: '2021-08-31' }
export const LATER_TERM: Schemas['ClusterTerm'] = { id: 2, code: '2021-2023', startsOn: '2021-09-01', endsOn: '2023-08-31' }

export const HEALTH: Schemas['Cluster'] = {
  id: 6,
  name: { en: 'Health and well-being', fr: 'Santé et bien-être', es: 'Salud y bienestar' },
  description: { en: 'Health and well-being education for all citizens.', fr: null, es: null },
  topics: [2],
  partnerOrganisationIds: [],
  status: 'ACTIVE',
  version: 1,
}
export const LITERACY: Schemas['Cluster'] = { ...HEALTH, id: 7, name: { en: 'Literacy', fr: 'Alphabétisation' }, topics: [6] }

const city = (memberId: number, name: string, country: string, unescoRegion: Schemas['RegionCode'], coordinator: boolean): Schemas['ClusterCity'] => ({
  memberId,
  name,
  country,
  unescoRegion,
  coordinator,
  joinedOn: '2019-10-01',
  leftOn: null,
})
export const CORK = city(11, 'Cork', 'IE', 'EUROPE_NORTH_AMERICA', true)
export const OSAN = city(12, 'Osan', 'KR', 'ASIA_PACIFIC', true)
export const NAIROBI = city(13, 'Nairobi', 'KE', 'AFRICA', false)
export const MEMBERS = [CORK, OSAN, NAIROBI]

export const BALANCE: Schemas['RegionalBalance'] = {
  regions: [
    { region: 'AFRICA', members: 1, coordinators: 0 },
    { region: 'ARAB_STATES', members: 0, coordinators: 0 },
    { region: 'ASIA_PACIFIC', members: 1, coordinators: 1 },
    { region: 'EUROPE_NORTH_AMERICA', members: 1, coordinators: 1 },
    { region: 'LATIN_AMERICA_CARIBBEAN', members: 0, coordinators: 0 },
  ],
  members: 3,
  coordinators: 2,
  sameRegionCoordinators: false,
}

const activity = (id: number, code: string, workArea: number, cost: string, responsibleKind: Schemas['ResponsibleKind']): Schemas['Activity'] => ({
  id,
  code,
  workArea,
  title: `Activity ${code}`,
  description: null,
  responsibleKind,
  responsibleMemberId: null,
  responsibleOrganisationId: null,
  hostMemberId: null,
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  estimatedCostUsd: cost,
  status: 'PLANNED',
  outputs: [],
  version: 1,
})
export const TEMPLATE_PLAN: Schemas['WorkPlan'] = {
  clusterId: 6,
  termId: 1,
  objectives: {},
  activities: [
    activity(101, '1.1', 1, '50000.00', 'COORDINATING_CITY'),
    activity(102, '1.2', 1, '50000.00', 'MEMBER_CITY'),
    activity(103, '1.3', 1, '50000.00', 'MEMBER_CITY'),
    activity(104, '1.4', 1, '10000.00', 'COORDINATING_CITY'),
    activity(105, '2.1', 2, '50000.00', 'MEMBER_CITY'),
    activity(106, '2.1', 2, '50000.00', 'MEMBER_CITY'),
    activity(107, '3.1', 3, '50000.00', 'SECRETARIAT'),
    activity(108, '3.2', 3, '20000.00', 'SECRETARIAT'),
    activity(109, '4.1', 4, '20000.00', 'COORDINATING_CITY'),
  ],
  sums: {
    workAreas: [
      { workArea: 1, totalUsd: '160000.00' },
      { workArea: 2, totalUsd: '100000.00' },
      { workArea: 3, totalUsd: '70000.00' },
      { workArea: 4, totalUsd: '20000.00' },
    ],
    totalUsd: '350000.00',
  },
  version: 10,
}
export const EMPTY_PLAN: Schemas['WorkPlan'] = {
  ...TEMPLATE_PLAN,
  activities: [],
  sums: { workAreas: [1, 2, 3, 4].map((workArea) => ({ workArea, totalUsd: '0.00' })), totalUsd: '0.00' },
  version: 0,
}

export const WORK_AREA_LIST = {
  items: [
    { number: 1, name: 'Policy and practice exchange', objective: '' },
    { number: 2, name: 'Capacity-building and training', objective: '' },
    { number: 3, name: 'Knowledge production and sharing', objective: '' },
    { number: 4, name: 'Communication', objective: '' },
  ],
  page: 1,
  size: 4,
  total: 4,
}

export const list = <T>(items: T[]) => json({ items, page: 1, size: 20, total: items.length })

/** The city of a logged-in focal point, as GET /api/me/cities lists it. */
export const memberSummary = (id: number, name: string): Schemas['MemberSummary'] => ({
  id,
  name,
  country: { iso2: 'IE', name: 'Ireland' },
  yearJoined: 2019,
  status: 'MEMBER',
  topics: [],
})

export function authenticated(...roles: Schemas['Role'][]): AuthState {
  return { status: 'authenticated', user: { username: 'tester', roles } }
}

/** Answers the cluster 6 / term 1 reads of the pages; `plan` and `myCities` vary by test. */
/** Two six-monthly reports of Health and well-being, the later one with a news item. */
export const REPORTS: Schemas['ClusterReport'][] = [
  {
    id: 1, clusterId: 6, termId: 1, year: 2019, half: 2, periodStart: '2019-07-01', periodEnd: '2019-12-31', dueOn: '2020-01-30',
    summary: { en: 'Kick-off meeting held.', fr: 'Réunion de lancement tenue.' }, activityIds: [], news: [], submittedAt: '2020-01-20T10:00:00Z',
    submittedBy: 'cora', version: 1,
  },
  {
    id: 2, clusterId: 6, termId: 1, year: 2020, half: 1, periodStart: '2020-01-01', periodEnd: '2020-06-30', dueOn: '2020-07-30',
    summary: { en: 'Webinars on healthy ageing.' }, activityIds: [],
    news: [{ id: 9, title: { en: 'Cork hosts a webinar', fr: 'Cork accueille un webinaire', es: 'Cork acoge un seminario web' }, text: { en: 'Two hundred people joined.', fr: 'Deux cents personnes ont participé.', es: 'Participaron doscientas personas.' }, date: '2020-05-12', link: 'https://example.org/webinar', published: true }],
    submittedAt: '2020-07-10T10:00:00Z', submittedBy: 'cora', version: 1,
  },
]

export function clusterReads(url: URL, options: { plan?: Schemas['WorkPlan']; myCities?: Schemas['MemberSummary'][]; balance?: Schemas['RegionalBalance'] } = {}) {
  switch (url.pathname) {
    case '/api/cluster-terms':
      return list([TERM])
    case '/api/clusters':
      return list([HEALTH, LITERACY])
    case '/api/clusters/6':
      return json(HEALTH, 200, { ETag: '"1"' })
    case '/api/clusters/6/terms/1/members':
      return list(MEMBERS)
    case '/api/clusters/6/terms/1/coordinators':
      return list([CORK, OSAN])
    case '/api/clusters/6/terms/1/balance':
      return json(options.balance ?? BALANCE)
    case '/api/clusters/6/terms/1/work-plan': {
      const plan = options.plan ?? TEMPLATE_PLAN
      return json(plan, 200, { ETag: `"${plan.version}"` })
    }
    case '/api/reference/work-areas':
      return json(WORK_AREA_LIST)
    case '/api/me/cities':
      return list(options.myCities ?? [])
    case '/api/clusters/6/terms/1/reports':
      return list(REPORTS)
  }
  return undefined
}
