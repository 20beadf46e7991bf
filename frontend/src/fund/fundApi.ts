import { api, unwrap, type Schemas } from '../api/client'
import { sumUsd, toUsd } from './money'

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
  const params = { path: { fundId }, header: { 'Idempotency-Key': idempotencyKey } }
  switch (request.kind) {
    case 'PLEDGE':
      return api.POST('/api/funds/{fundId}/pledges', { params, body: request.body }).then(unwrap) as Promise<Movement>
    case 'RECEIPT':
      return api.POST('/api/funds/{fundId}/receipts', { params, body: request.body }).then(unwrap) as Promise<Movement>
    case 'ALLOCATION':
      return api.POST('/api/funds/{fundId}/allocations', { params, body: request.body }).then(unwrap) as Promise<Movement>
    case 'EXPENDITURE':
      return api.POST('/api/funds/{fundId}/expenditures', { params, body: request.body }).then(unwrap) as Promise<Movement>
    case 'REFUND':
      return api.POST('/api/funds/{fundId}/refunds', { params, body: request.body }).then(unwrap) as Promise<Movement>
    case 'INTEREST':
      return api.POST('/api/funds/{fundId}/interest', { params, body: request.body }).then(unwrap) as Promise<Movement>
    case 'BANK_CHARGE':
      return api.POST('/api/funds/{fundId}/bank-charges', { params, body: request.body }).then(unwrap) as Promise<Movement>
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

/** The earmark pool an amount sits in, named as the ledger names it ("NONE", "REGION:AFRICA" …). */
export function poolKey(earmark: Earmark | null | undefined): string {
  switch (earmark?.kind ?? 'NONE') {
    case 'BUDGET_LINE':
      return `BUDGET_LINE:${earmark?.budgetLineId ?? '?'}`
    case 'CLUSTER':
      return `CLUSTER:${earmark?.clusterId ?? '?'}`
    case 'REGION':
      return `REGION:${earmark?.region ?? '?'}`
    case 'LOW_INCOME':
      return 'LOW_INCOME'
    default:
      return 'NONE'
  }
}

/** The account an allocation opens is named after its own id, which exists only once posted. */
export const NEW_ALLOCATION = 'ALLOCATED:(new)'

/** Everything the confirmation step needs: the legs, and whether debits equal credits. */
export type PreviewEntry = { legs: JournalLeg[]; totalDebits: string | null; totalCredits: string | null; balanced: boolean }

/**
 * The journal entry a movement will post, computed here from the form, with the same accounts and
 * the same rounding (amount × rate, to cents half-even) as the API's ledger. A USD amount that
 * cannot be computed (an amount or rate not yet valid) is left empty: the API names the field
 * when the movement is sent.
 *
 * This stands in for the API's dry run (`?dryRun=true` on every movement POST, which answers the
 * would-be JournalEntry without writing); `loadPreview` is the one place to switch over.
 *
 * `pledgeEarmark` is the earmark of the pledge a receipt pays (a receipt against a pledge takes
 * the pledge's earmark).
 */
export function previewEntry(request: MovementRequest, pledgeEarmark?: Earmark | null): PreviewEntry {
  const leg = (account: string, side: 'DEBIT' | 'CREDIT', amountUsd: string | null, amount?: string, currency?: string): JournalLeg => ({
    account,
    side,
    amountUsd: amountUsd ?? '',
    amount: amount ?? null,
    currency: currency ?? null,
  })
  let legs: JournalLeg[]
  switch (request.kind) {
    case 'PLEDGE':
    case 'RECEIPT': {
      const { amount, currency } = request.body
      const rate = request.body.exchangeRate || (currency === 'USD' ? '1' : '')
      const usd = toUsd(amount, rate)
      legs =
        request.kind === 'PLEDGE'
          ? [leg(`PLEDGED:${request.body.donorId}`, 'DEBIT', usd, amount, currency), leg('PLEDGE_COMMITMENTS', 'CREDIT', usd, amount, currency)]
          : [
              leg('CASH', 'DEBIT', usd, amount, currency),
              leg(`UNALLOCATED:${poolKey(request.body.pledgeId ? pledgeEarmark : request.body.earmark)}`, 'CREDIT', usd, amount, currency),
            ]
      break
    }
    case 'ALLOCATION': {
      const usd = usdAmount(request.body.amount)
      legs = [leg(`UNALLOCATED:${poolKey(request.body.source)}`, 'DEBIT', usd), leg(NEW_ALLOCATION, 'CREDIT', usd)]
      break
    }
    case 'EXPENDITURE': {
      const usd = usdAmount(request.body.amount)
      legs = [leg(`EXPENDED:${request.body.allocationId}`, 'DEBIT', usd), leg('CASH', 'CREDIT', usd)]
      break
    }
    case 'REFUND':
    case 'BANK_CHARGE': {
      const usd = usdAmount(request.body.amount)
      const pool = request.kind === 'REFUND' ? poolKey(request.body.source) : 'NONE'
      legs = [leg(`UNALLOCATED:${pool}`, 'DEBIT', usd), leg('CASH', 'CREDIT', usd)]
      break
    }
    case 'INTEREST': {
      const usd = usdAmount(request.body.amount)
      legs = [leg('CASH', 'DEBIT', usd), leg('UNALLOCATED:NONE', 'CREDIT', usd)]
      break
    }
  }
  return withTotals(legs)
}

/** The mirror of an entry: every leg on the other side, as a reversal posts it. */
export function previewReversal(entry: JournalEntry): PreviewEntry {
  return withTotals(entry.legs.map((l) => ({ ...l, side: l.side === 'DEBIT' ? 'CREDIT' : 'DEBIT' })))
}

/**
 * The preview shown in the confirmation step. Today computed here (previewEntry); after the
 * merge this becomes the API's dry run of the same POST, which answers the would-be entry.
 */
export function loadPreview(_fundId: number, request: MovementRequest, pledgeEarmark?: Earmark | null): Promise<PreviewEntry> {
  return Promise.resolve(previewEntry(request, pledgeEarmark))
}

function usdAmount(amount: string): string | null {
  return /^\d{1,15}\.\d{2}$/.test(amount.trim()) ? amount.trim() : null
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
