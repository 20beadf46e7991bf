// Test data of the surveys' unit tests: an open survey of the 2019–2021 term and a city's answer.
import type { Schemas } from '../api/client'

export const OPEN_SURVEY: Schemas['Survey'] = {
  id: 4,
  termId: 1,
  title: { en: 'Survey on the thematic clusters (2021)', fr: 'Enquête sur les pôles thématiques (2021)', es: null },
  opensOn: '2021-01-15',
  closesOn: '2099-03-31',
  status: 'OPEN',
  version: 1,
}

export const CLOSED_SURVEY: Schemas['Survey'] = { ...OPEN_SURVEY, id: 3, title: { en: 'Survey on the thematic clusters (2019)' }, opensOn: '2019-01-15', closesOn: '2019-03-31', status: 'CLOSED' }

export const CORK_ANSWER: Schemas['SurveyAnswer'] = {
  surveyId: 4,
  memberId: 11,
  name: 'Cork',
  country: 'IE',
  region: 'EUROPE_NORTH_AMERICA',
  primaryTopics: [1],
  willingToCoordinate: true,
  coordinateTopics: [],
  coordinateClusterIds: [6],
  questionnaire: {
    hostExpertsMeeting: true,
    hostExchangeActivities: false,
    capacityBuildingWorkshop: false,
    researchCaseStudies: true,
    financialContribution: false,
    other: 'A study visit to our learning festival',
  },
  answeredAt: '2021-02-01T09:00:00Z',
  updatedAt: '2021-02-03T09:00:00Z',
  recordedBy: 'focal-point',
  version: 3,
}

/** Results of 101 answers, in the shape of the 2019 survey (figures of the strategy where it gives them). */
export const RESULTS: Schemas['SurveyResults'] = {
  surveyId: 3,
  respondents: 101,
  countries: 37,
  regionsCovered: 5,
  regions: [
    { region: 'AFRICA', respondents: 12 },
    { region: 'ARAB_STATES', respondents: 7 },
    { region: 'ASIA_PACIFIC', respondents: 35 },
    { region: 'EUROPE_NORTH_AMERICA', respondents: 32 },
    { region: 'LATIN_AMERICA_CARIBBEAN', respondents: 15 },
  ],
  topics: [
    { topic: 1, group: 1, votes: 60, willingToCoordinate: 4 },
    { topic: 10, group: 3, votes: 1234, willingToCoordinate: 2 },
  ],
  groups: [
    { group: 1, votes: 60, cities: 60 },
    { group: 3, votes: 1234, cities: 41 },
  ],
  willingToCoordinate: 9,
  clusters: [{ clusterId: 6, name: { en: 'Health and well-being', fr: 'Santé et bien-être' }, willingToCoordinate: 3 }],
  questionnaire: {
    hostExpertsMeeting: 44,
    hostExchangeActivities: 51,
    capacityBuildingWorkshop: 38,
    researchCaseStudies: 47,
    financialContribution: 8,
    other: 5,
  },
}
