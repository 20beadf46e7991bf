import { api, unwrap, type Schemas } from '../api/client'
import { sumUsd } from './money'

export type Fund = Schemas['Fund']
export type FundSummary = Schemas['FundSummary']
export type Earmark = Schemas['Earmark']
export type JournalEntry = Schemas['JournalEntry']
export type JournalLeg = Schemas['JournalLeg']
export type Movement = Schemas['Movement']
export type MovementKind = Schemas['MovementKind']
export type DonorStatement = Schemas['DonorStatement']

/** The movements a person records (a reversal is made from the journal). */
export const RECORDED_KINDS = ['PLEDGE', 'RECEIPT', 'ALLOCATION', 'EXPENDITURE', 'REFUND', 'INTEREST', 'BANK_CHARGE'] as const
export type RecordedKind = (typeof RECORDED_KINDS)[number]

/** What a movement form sends: the kind and the body of its POST. */
export type MovementRequest =
  | { kind: 'PLEDGE'; body: Schemas['PledgeInput'] }
  | { kind: 'RECEIPT'; body: Schemas['ReceiptInput'] }
  | { kind: 'ALLOCATION'; body: Schemas['AllocationInput'] }
  | { kind: 'EXPENDITURE'; body: Schemas['ExpenditureInput'] }
  | { kind: 'REFUND' | 'INTEREST' | 'BANK_CHARGE'; body: Schemas['CashMovementInput'] }

/**
 * Posts a movement. `idempotencyKey` is made once per submission (see MovementForm): a double
 * click or a retry of the same submission sends the same key, so the API posts it once.
 */
export function postMovement(fundId: number, request: MovementRequest, idempotencyKey: string): Promise<Movement> {
  return send(fundId, request, { 'Idempotency-Key': idempotencyKey }, false) as Promise<Movement>
}

/** The one POST per kind, for real or as a dry run (which writes nothing and takes no key). */
function send(fundId: number, request: MovementRequest, header: { 'Idempotency-Key'?: string }, dryRun: boolean): Promise<unknown> {
  const params = { path: { fundId }, header, query: dryRun ? { dryRun: true } : {} }
  switch (request.kind) {
    case 'PLEDGE':
      return api.POST('/api/funds/{fundId}/pledges', { params, body: request.body }).then(unwrap)
    case 'RECEIPT':
      return api.POST('/api/funds/{fundId}/receipts', { params, body: request.body }).then(unwrap)
    case 'ALLOCATION':
      return api.POST('/api/funds/{fundId}/allocations', { params, body: request.body }).then(unwrap)
    case 'EXPENDITURE':
      return api.POST('/api/funds/{fundId}/expenditures', { params, body: request.body }).then(unwrap)
    case 'REFUND':
      return api.POST('/api/funds/{fundId}/refunds', { params, body: request.body }).then(unwrap)
    case 'INTEREST':
      return api.POST('/api/funds/{fundId}/interest', { params, body: request.body }).then(unwrap)
    case 'BANK_CHARGE':
      return api.POST('/api/funds/{fundId}/bank-charges', { params, body: request.body }).then(unwrap)
  }
}

export function reverseEntry(
  fundId: number,
  entryId: number,
  body: Schemas['ReversalInput'],
  idempotencyKey: string,
): Promise<Movement> {
  return api
    .POST('/api/funds/{fundId}/entries/{entryId}/reversal', {
      params: { path: { fundId, entryId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    })
    .then(unwrap) as Promise<Movement>
}

/** A fresh Idempotency-Key. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}

// ------------------------------------------------------------------ the entry a movement posts

/** Everything the confirmation step needs: the legs, and whether debits equal credits. */
export type PreviewEntry = { legs: JournalLeg[]; totalDebits: string | null; totalCredits: string | null; balanced: boolean }

/**
 * The mirror entry a reversal will post, as the server will post it: the reversal POST with
 * `dryRun=true`, checked exactly as the real one (reversed already, money no longer there) and
 * written nowhere; a refusal rejects with the ApiProblem.
 */
export async function previewReversal(fundId: number, entryId: number, body: Schemas['ReversalInput']): Promise<PreviewEntry> {
  const preview = (await api
    .POST('/api/funds/{fundId}/entries/{entryId}/reversal', { params: { path: { fundId, entryId }, query: { dryRun: true } }, body })
    .then(unwrap)) as Schemas['MovementPreview']
  return withTotals(preview.legs)
}

/**
 * The entry a movement will post, as the server will post it: the same POST with `dryRun=true`,
 * checked exactly as the real one (validation, earmarks, what is available, rounding) and written
 * nowhere. A refusal (e.g. 409 insufficient-funds, 422 with field errors) rejects with the
 * ApiProblem, so the form shows it before anything is posted.
 */
export async function loadPreview(fundId: number, request: MovementRequest): Promise<PreviewEntry> {
  const preview = (await send(fundId, request, {}, true)) as Schemas['MovementPreview']
  return withTotals(preview.legs)
}

function withTotals(legs: JournalLeg[]): PreviewEntry {
  if (legs.some((l) => l.amountUsd === '')) return { legs, totalDebits: null, totalCredits: null, balanced: false }
  const totalDebits = sumUsd(legs.filter((l) => l.side === 'DEBIT').map((l) => l.amountUsd))
  const totalCredits = sumUsd(legs.filter((l) => l.side === 'CREDIT').map((l) => l.amountUsd))
  return { legs, totalDebits, totalCredits, balanced: totalDebits === totalCredits }
}

// ------------------------------------------------------------------ reads

/** The allocations of a fund (from the journal: an allocation's id is its movement's), for choosing one. */
export async function listAllocations(fundId: number, signal: AbortSignal): Promise<JournalEntry[]> {
  const page = await api
    .GET('/api/funds/{fundId}/journal', { params: { path: { fundId }, query: { kind: 'ALLOCATION', size: 200, sort: '-id' } }, signal })
    .then(unwrap) as Schemas['JournalEntryList']
  return page.items.filter((entry) => entry.reversedByEntryId == null)
}
