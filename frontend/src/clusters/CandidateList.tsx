/**
 * SLOT for the survey's candidate cities (willing to coordinate this cluster, with their region
 * and questionnaire answers), from `GET /api/clusters/{clusterId}/terms/{termId}/candidates`.
 * That endpoint is being added to the contract in parallel and is not in `schema.d.ts` yet, so
 * this renders nothing for now; once it is merged, list the candidates here and call `onPick`
 * with a candidate's member id and name (AppointPage then appoints it like a city picked by search).
 */
export function CandidateList(_props: { clusterId: number; termId: number; onPick: (memberId: number, name: string) => void; busy: boolean }) {
  return null
}
