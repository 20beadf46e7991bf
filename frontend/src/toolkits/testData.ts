// Test data of the library's unit tests, shaped like the demo content (the Interreg project, its
// toolkit and the skills-centres fiche).
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'

export function authenticated(...roles: Schemas['Role'][]): AuthState {
  return { status: 'authenticated', user: { username: 'tester', roles } }
}

export const RESOURCE_SUMMARY: Schemas['ResourceSummary'] = {
  id: 31,
  type: 'MENTORING_GUIDE',
  title: 'Two models of volunteer mentoring',
  summary: null,
  originalLanguage: 'en',
  languages: ['en', 'fr'],
  fallbackFields: [],
  topics: [10],
  targetGroups: ['VOLUNTEERS'],
  publicationDate: null,
  licence: null,
}

export const RESOURCE: Schemas['Resource'] = {
  ...RESOURCE_SUMMARY,
  externalId: 'DEMO-LC-R12',
  summary: 'How volunteers mentor learners.',
  authors: ['A. Author'],
  organisations: ['Learning Cities partnership'],
  publicationDate: '2014-06-30',
  licence: 'CC-BY-SA-4.0',
  variants: [
    {
      language: 'en',
      link: null,
      file: {
        id: 5,
        language: 'en',
        fileName: 'mentoring-guide.pdf',
        mediaType: 'application/pdf',
        size: 2_400_000,
        sha256: 'ab'.repeat(32),
        downloadUrl: '/api/resources/31/files/5',
        uploadedAt: '2026-11-01T10:00:00Z',
      },
    },
    { language: 'fr', link: 'https://example.org/mentorat.pdf', file: null },
  ],
  translations: { title: { en: 'Two models of volunteer mentoring', fr: 'Deux modèles de mentorat par des bénévoles' } },
  version: 1,
}

export const PROJECT: Schemas['Project'] = {
  id: 3,
  externalId: 'DEMO-PRJ-LEARNING-CITIES',
  acronym: 'Learning Cities',
  title: 'Learning Cities: crossborder cities fostering engagement',
  summary: 'Improving the quality of life for the hardest-to-reach groups.',
  programme: 'INTERREG IV A 2 Seas',
  priority: 'Priority 3 c.',
  startDate: '2012-01-01',
  endDate: '2014-09-30',
  currency: 'EUR',
  totalBudget: '2103036.00',
  coFinancing: [{ source: 'ERDF', amount: '1051518.00' }],
  coFinancingTotal: '1051518.00',
  ownContribution: '1051518.00',
  partners: [
    { name: "Centre Communal d'Action Sociale de Carvin", role: 'LEAD_PARTNER', country: 'FR', memberId: null, organisationId: null },
    { name: 'Stad Turnhout', role: 'PARTNER', country: 'BE', memberId: null, organisationId: null },
  ],
  objectives: ['Engage the hardest-to-reach groups'],
  activityStrands: [{ name: 'Environment', description: 'City-wide learning environments' }],
  results: null,
  outputs: [RESOURCE_SUMMARY],
  lessonsLearned: null,
  contact: null,
  website: null,
  topics: [10],
  originalLanguage: 'en',
  languages: ['en'],
  fallbackFields: [],
  translations: {},
  version: 1,
}

export const FICHE: Schemas['CaseStudy'] = {
  id: 9,
  status: 'PUBLISHED',
  memberId: 40,
  memberName: 'Liège',
  organisationId: null,
  originalLanguage: 'en',
  languages: ['en', 'fr'],
  fallbackFields: [],
  theme: 'Maximising Employment Potential',
  name: 'Centres de Compétence (skills centres)',
  purpose: 'The skills centres combine a variety of features.',
  leadOrganisation: 'FOREM',
  leadOrganisationBackground: 'The Walloon public employment service.',
  address: null,
  contact: null,
  categories: [
    { id: 1, code: 'C', name: 'Addressing skills shortages and promoting life-long learning', fallbackFields: [] },
    { id: 2, code: 'F', name: 'Diversifying local economic base', fallbackFields: [] },
  ],
  milieu: { economic: 'Industrial region in transition.', geographical: null, politicalGovernance: null, cultural: null, other: null },
  background: 'A priority for the Walloon PES.',
  description: 'Close co-operation with industry sectors.',
  objectives: 'Raise the level of qualifications.',
  geographicalFocus: 'Wallonia',
  partnerships: 'Public-private partnerships.',
  partnershipKinds: ['Public-private', 'Sectoral'],
  otherTiersOfGovernment: 'The Walloon Region.',
  fundingMix: 'ERDF and regional funds.',
  targetGroups: 'Jobseekers and workers.',
  targetGroupCodes: ['UNEMPLOYED', 'EMPLOYED'],
  successes: '11 centres running.',
  problems: 'Finding trainers.',
  lessonsLearned: 'Partnership is essential.',
  themeQuestions: [{ question: 'How are employers involved?', answer: 'They co-manage the centres.' }],
  topics: [10],
  clusterIds: [],
  returnComment: null,
  submittedAt: '2026-11-02T09:00:00Z',
  publishedAt: '2026-11-03T09:00:00Z',
  translations: {
    name: { en: 'Centres de Compétence (skills centres)', fr: 'Centres de compétence' },
    purpose: { en: 'The skills centres combine a variety of features.', fr: 'Les centres combinent plusieurs traits.' },
    lessonsLearned: { en: 'Partnership is essential.' },
  },
  version: 4,
}
