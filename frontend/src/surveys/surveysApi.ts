import type { Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'

export type Survey = Schemas['Survey']
export type SurveyAnswer = Schemas['SurveyAnswer']
export type SurveyAnswerInput = Schemas['SurveyAnswerInput']
export type SurveyResults = Schemas['SurveyResults']

/** The strategy's questionnaire: what a city can contribute to, in the contract's order (free text "other" apart). */
export const QUESTIONNAIRE_ITEMS = [
  'hostExpertsMeeting',
  'hostExchangeActivities',
  'capacityBuildingWorkshop',
  'researchCaseStudies',
  'financialContribution',
] as const satisfies readonly (keyof Schemas['SurveyQuestionnaire'])[]

/** The counted items of the results, "other" (cities that wrote something there) included. */
export const QUESTIONNAIRE_COUNTS = [...QUESTIONNAIRE_ITEMS, 'other'] as const

/** A refused answer because the survey is not open (before it opens or after it closes). */
export function isSurveyClosed(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem && error.status === 409 && (error.type ?? '').endsWith('/problems/survey-closed')
}
