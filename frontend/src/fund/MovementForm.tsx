import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { today } from '../components/format'
import { Field, FieldErrors } from '../components/Field'
import { number, requiredText, text } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad, type LoadState } from '../components/useLoad'
import { itemsOf, useIncomeGroups, useRegions } from '../components/useReference'
import { currentLanguage, type Language } from '../i18n'
import { BudgetLineField, EarmarkFields, readEarmark } from './EarmarkFields'
import { EntryPreview } from './EntryLegs'
import {
  listAllocations,
  loadPreview,
  newIdempotencyKey,
  postMovement,
  type DonorStatement,
  type Fund,
  type Movement,
  type MovementRequest,
  type PreviewEntry,
  type RecordedKind,
} from './fundApi'
import { formatMoney } from './money'

type Review = { request: MovementRequest; preview: PreviewEntry; idempotencyKey: string }

const WITH_DONOR: RecordedKind[] = ['PLEDGE', 'RECEIPT', 'REFUND']
const IN_ANY_CURRENCY: RecordedKind[] = ['PLEDGE', 'RECEIPT']
const WITH_BANK_REFERENCE: RecordedKind[] = ['RECEIPT', 'REFUND', 'INTEREST', 'BANK_CHARGE']

/**
 * Records one movement in two steps: the form, then the journal entry it will post, to confirm.
 * Each confirmation carries an Idempotency-Key made when the entry was shown, so a double click
 * or a retry after a lost answer posts it once.
 */
export function MovementForm(props: { fundId: number; fund: Fund; kind: RecordedKind; onPosted: (movement: Movement) => void; onCancel: () => void }) {
  const { fundId, fund, kind } = props
  const { t } = useTranslation()
  const language = currentLanguage()
  const [donorId, setDonorId] = useState('')
  const [pledgeId, setPledgeId] = useState('')
  const [currency, setCurrency] = useState('USD')
  const [review, setReview] = useState<Review | null>(null)
  const [posting, setPosting] = useState(false)
  const [checking, setChecking] = useState(false)
  const [error, setError] = useState<unknown>()
  const inFlight = useRef(false)

  const statement = useDonorStatement(fundId, WITH_DONOR.includes(kind) ? donorId : '')
  const pledges = statement.status === 'loaded' && statement.data ? statement.data.pledges.filter((pledge) => !pledge.reversed) : []
  const pledge = kind === 'RECEIPT' ? pledges.find((p) => String(p.movementId) === pledgeId) : undefined

  // The entry shown is the server's dry run of the very POST, so what is confirmed is what will be
  // posted; a refusal (too little available, a bad field) is shown here, before anything is posted.
  async function showEntry(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (checking) return
    const request = readRequest(kind, new FormData(event.currentTarget))
    setError(undefined)
    setChecking(true)
    try {
      const preview = await loadPreview(fundId, request)
      setReview({ request, preview, idempotencyKey: newIdempotencyKey() })
    } catch (failure) {
      setError(failure)
    } finally {
      setChecking(false)
    }
  }

  async function confirm() {
    if (!review || inFlight.current) return
    inFlight.current = true
    setPosting(true)
    setError(undefined)
    try {
      props.onPosted(await postMovement(fundId, review.request, review.idempotencyKey))
    } catch (failure) {
      setError(failure)
      // The API refused it: back to the form to correct it (a new key on the next review). A
      // network failure keeps the step and its key: the same entry may be sent again safely.
      if (failure instanceof ApiProblem) setReview(null)
    } finally {
      inFlight.current = false
      setPosting(false)
    }
  }

  return (
    <form className="edit-form" onSubmit={showEntry} noValidate data-testid="movement-form" data-kind={kind}>
      <FieldErrors error={error}>
        <fieldset disabled={review !== null} className="plain">
          <legend className="visually-hidden">{t(`fund.kind.${kind}`)}</legend>
          {WITH_DONOR.includes(kind) && (
            <Field name="donorId" label={t('fund.field.donorId')} required hint={<DonorHint state={statement} />}>
              {(control) => (
                <input {...control} type="number" min={1} value={donorId} onChange={(event) => setDonorId(event.target.value)} data-testid="field-donorId" />
              )}
            </Field>
          )}
          {kind === 'RECEIPT' && (
            <Field name="pledgeId" label={t('fund.field.pledgeId')}>
              {(control) => (
                <select
                  {...control}
                  value={pledgeId}
                  onChange={(event) => {
                    setPledgeId(event.target.value)
                    const chosen = pledges.find((p) => String(p.movementId) === event.target.value)
                    if (chosen) setCurrency(chosen.currency)
                  }}
                  data-testid="field-pledgeId"
                >
                  <option value="">{t('fund.field.noPledge')}</option>
                  {pledges.map((p) => (
                    <option key={p.movementId} value={p.movementId}>
                      {t('fund.field.pledgeOption', {
                        id: p.movementId,
                        amount: formatMoney(p.amount, p.currency, language),
                        outstanding: formatMoney(p.outstanding, p.currency, language),
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div className="field-row">
            <Field name="amount" label={IN_ANY_CURRENCY.includes(kind) ? t('fund.field.amount') : t('fund.field.amountUsd')} required hint={t('fund.field.amountHint')}>
              {(control) => <input {...control} inputMode="decimal" autoComplete="off" data-testid="field-amount" />}
            </Field>
            {IN_ANY_CURRENCY.includes(kind) && (
              <>
                <Field name="currency" label={t('fund.field.currency')} required>
                  {(control) => (
                    <input
                      {...control}
                      value={currency}
                      onChange={(event) => setCurrency(event.target.value.toUpperCase())}
                      maxLength={3}
                      size={4}
                      readOnly={pledge !== undefined}
                      data-testid="field-currency"
                    />
                  )}
                </Field>
                {currency !== 'USD' && (
                  <Field name="exchangeRate" label={t('fund.field.exchangeRate')} required hint={t('fund.field.exchangeRateHint', { currency })}>
                    {(control) => <input {...control} inputMode="decimal" autoComplete="off" data-testid="field-exchangeRate" />}
                  </Field>
                )}
              </>
            )}
            <Field name={kind === 'PLEDGE' ? 'date' : 'valueDate'} label={kind === 'PLEDGE' ? t('fund.field.date') : t('fund.field.valueDate')} required>
              {(control) => <input {...control} type="date" defaultValue={today()} data-testid="field-date" />}
            </Field>
          </div>
          {(kind === 'PLEDGE' || (kind === 'RECEIPT' && !pledge)) && <EarmarkFields name="earmark" label={t('fund.field.earmark')} fund={fund} />}
          {pledge && (
            <p className="hint" data-testid="pledge-earmark">
              {t('fund.field.pledgeEarmark', { earmark: t(`fund.earmark.${pledge.earmark.kind}`) })}
            </p>
          )}
          {(kind === 'ALLOCATION' || kind === 'REFUND') && <EarmarkFields name="source" label={t('fund.field.source')} fund={fund} />}
          {kind === 'ALLOCATION' && <AllocationFields fund={fund} />}
          {kind === 'EXPENDITURE' && <AllocationChoice fundId={fundId} language={language} />}
          {kind === 'PLEDGE' && (
            <Field name="expectedPaymentDates" label={t('fund.field.expectedPaymentDates')} hint={t('fund.field.expectedPaymentDatesHint')}>
              {(control) => <input {...control} data-testid="field-expectedPaymentDates" />}
            </Field>
          )}
          {WITH_BANK_REFERENCE.includes(kind) && (
            <Field name="bankReference" label={t('fund.field.bankReference')}>
              {(control) => <input {...control} maxLength={100} data-testid="field-bankReference" />}
            </Field>
          )}
          <Field name="description" label={t('fund.field.description')}>
            {(control) => <input {...control} maxLength={500} data-testid="field-description" />}
          </Field>
          {review === null && (
            <div className="actions">
              <button type="submit" disabled={checking} data-testid="movement-review">
                {checking ? t('fund.record.checking') : t('fund.record.review')}
              </button>
              <button type="button" onClick={props.onCancel}>
                {t('edit.cancel')}
              </button>
            </div>
          )}
        </fieldset>
      </FieldErrors>
      {review && (
        <section className="panel confirm-step" aria-labelledby="confirm-title" data-testid="confirm-step">
          <h3 id="confirm-title">{t('fund.record.confirmTitle')}</h3>
          <p>{t('fund.record.confirmText')}</p>
          <EntryPreview preview={review.preview} language={language} />
          <div className="actions">
            <button type="button" onClick={() => void confirm()} disabled={posting} data-testid="movement-confirm">
              {posting ? t('fund.record.posting') : t('fund.record.confirm')}
            </button>
            <button type="button" onClick={() => setReview(null)} disabled={posting} data-testid="movement-change">
              {t('fund.record.change')}
            </button>
          </div>
        </section>
      )}
      <SaveProblem error={error} />
    </form>
  )
}

/** The donor's name under its number, or why there is none. */
function DonorHint({ state }: { state: LoadState<DonorStatement | null> }) {
  const { t } = useTranslation()
  if (state.status === 'loaded' && state.data) {
    const donor = state.data.donor
    return <span data-testid="donor-name">{`${donor.name} (${t(`fund.donorType.${donor.donorType}`)})`}</span>
  }
  if (state.status === 'failed') return <span data-testid="donor-unknown">{t('fund.field.donorUnknown')}</span>
  return null
}

/** The donor's statement in this fund: its name, and its pledges for a receipt to pay. */
function useDonorStatement(fundId: number, donorId: string): LoadState<DonorStatement | null> {
  return useLoad(async (signal) => {
    const id = Number(donorId)
    if (!Number.isInteger(id) || id <= 0) return null
    return (api.GET('/api/funds/{fundId}/donors/{donorId}/statement', { params: { path: { fundId, donorId: id }, query: { size: 200 } }, signal }).then(unwrap) as Promise<Schemas['DonorStatement']>)
  }, [fundId, donorId])
}

function AllocationFields({ fund }: { fund: Fund }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = itemsOf(useRegions(language))
  const incomeGroups = itemsOf(useIncomeGroups(language))
  return (
    <div className="field-row">
      <BudgetLineField name="budgetLineId" fund={fund} testId="field-budgetLineId" />
      <Field name="beneficiaryRegion" label={t('fund.field.beneficiaryRegion')}>
        {(control) => (
          <select {...control} data-testid="field-beneficiaryRegion">
            <option value="">{t('fund.field.notStated')}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="beneficiaryIncomeGroup" label={t('fund.field.beneficiaryIncomeGroup')}>
        {(control) => (
          <select {...control} data-testid="field-beneficiaryIncomeGroup">
            <option value="">{t('fund.field.notStated')}</option>
            {incomeGroups.map((group) => (
              <option key={group.code} value={group.code}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  )
}

/** The allocations still standing, to spend against. */
function AllocationChoice({ fundId, language }: { fundId: number; language: Language }) {
  const { t } = useTranslation()
  const allocations = useLoad((signal) => listAllocations(fundId, signal), [fundId])
  return (
    <Field name="allocationId" label={t('fund.field.allocation')} required>
      {(control) => (
        <select {...control} data-testid="field-allocationId">
          {allocations.status === 'loaded' &&
            allocations.data.map((entry) => (
              <option key={entry.movementId} value={entry.movementId}>
                {t('fund.field.allocationOption', {
                  id: entry.movementId,
                  amount: formatMoney(entry.legs[0]?.amountUsd, 'USD', language),
                  description: entry.description ?? '',
                })}
              </option>
            ))}
        </select>
      )}
    </Field>
  )
}

/** The form's values as the body of the movement's POST (empty optional fields as null). */
export function readRequest(kind: RecordedKind, form: FormData): MovementRequest {
  const amount = requiredText(form, 'amount')
  const description = text(form, 'description')
  const bankReference = text(form, 'bankReference')
  const donorId = number(form, 'donorId') as number
  switch (kind) {
    case 'PLEDGE':
      return {
        kind,
        body: {
          donorId,
          amount,
          currency: requiredText(form, 'currency'),
          exchangeRate: text(form, 'exchangeRate'),
          date: requiredText(form, 'date'),
          earmark: readEarmark(form, 'earmark'),
          expectedPaymentDates: (text(form, 'expectedPaymentDates') ?? '').split(/[\s,;]+/).filter(Boolean),
          description,
        },
      }
    case 'RECEIPT': {
      const pledgeId = number(form, 'pledgeId')
      return {
        kind,
        body: {
          donorId,
          pledgeId,
          amount,
          currency: requiredText(form, 'currency'),
          exchangeRate: text(form, 'exchangeRate'),
          valueDate: requiredText(form, 'valueDate'),
          bankReference,
          earmark: pledgeId === null ? readEarmark(form, 'earmark') : null,
          description,
        },
      }
    }
    case 'ALLOCATION':
      return {
        kind,
        body: {
          budgetLineId: number(form, 'budgetLineId') as number,
          amount,
          valueDate: requiredText(form, 'valueDate'),
          source: readEarmark(form, 'source'),
          beneficiaryRegion: text(form, 'beneficiaryRegion') as MovementBody<'ALLOCATION'>['beneficiaryRegion'],
          beneficiaryIncomeGroup: text(form, 'beneficiaryIncomeGroup') as MovementBody<'ALLOCATION'>['beneficiaryIncomeGroup'],
          description,
        },
      }
    case 'EXPENDITURE':
      return { kind, body: { allocationId: number(form, 'allocationId') as number, amount, valueDate: requiredText(form, 'valueDate'), description } }
    case 'REFUND':
      return { kind, body: { donorId, amount, valueDate: requiredText(form, 'valueDate'), source: readEarmark(form, 'source'), bankReference, description } }
    case 'INTEREST':
    case 'BANK_CHARGE':
      return { kind, body: { amount, valueDate: requiredText(form, 'valueDate'), bankReference, description } }
  }
}

type MovementBody<K extends MovementRequest['kind']> = Extract<MovementRequest, { kind: K }>['body']
