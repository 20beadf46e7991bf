import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { Field, FieldErrors } from '../components/Field'
import { formatDate, formatDateTime, today } from '../components/format'
import { text } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { Pager } from '../components/Pager'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'
import type { operations } from '../api/schema'
import { EntryLegs, EntryPreview } from './EntryLegs'
import { FundLinks } from './FundPage'
import { newIdempotencyKey, previewReversal, reverseEntry, type JournalEntry, type MovementKind, type PreviewEntry } from './fundApi'
import { ManagerOnly } from './ManagerOnly'

const KINDS: MovementKind[] = ['PLEDGE', 'RECEIPT', 'ALLOCATION', 'EXPENDITURE', 'REFUND', 'INTEREST', 'BANK_CHARGE', 'REVERSAL']
const FILTERS = ['kind', 'donorId', 'account', 'from', 'to'] as const
const PAGE_SIZE = 20

type JournalQuery = NonNullable<operations['listFundJournal']['parameters']['query']>

/** The page's URL query → the journal's query (empty filters left out). */
export function journalQuery(search: URLSearchParams): JournalQuery {
  const query: Record<string, string | number> = {}
  for (const name of FILTERS) {
    const value = search.get(name)?.trim()
    if (value) query[name] = name === 'donorId' ? Number(value) : value
  }
  query.sort = search.get('sort') || '-id'
  query.page = Math.max(1, Number(search.get('page')) || 1)
  query.size = PAGE_SIZE
  return query as JournalQuery
}

export function JournalPage({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  return (
    <ManagerOnly>
      <h1>{t('fund.journal.title')}</h1>
      <FundLinks fundId={fundId} />
      <Journal fundId={fundId} />
    </ManagerOnly>
  )
}

function Journal({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const [reloads, setReloads] = useState(0)
  const query = journalQuery(search)
  const journal = useLoad(
    (signal) => (api.GET('/api/funds/{fundId}/journal', { params: { path: { fundId }, query }, signal }).then(unwrap) as Promise<Schemas['JournalEntryList']>),
    [fundId, JSON.stringify(query), reloads],
  )

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const next = new URLSearchParams()
    for (const name of [...FILTERS, 'sort'] as const) {
      const value = text(form, name)
      if (value) next.set(name, value)
    }
    setSearch(next)
  }

  return (
    <>
      <form role="search" className="filters" onSubmit={applyFilters} aria-label={t('fund.journal.filters')} key={search.toString()}>
        <div className="field">
          <label htmlFor="journal-kind">{t('fund.journal.kind')}</label>
          <select id="journal-kind" name="kind" defaultValue={search.get('kind') ?? ''} data-testid="journal-kind">
            <option value="">{t('fund.journal.any')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`fund.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="journal-donor">{t('fund.journal.donorId')}</label>
          <input id="journal-donor" name="donorId" type="number" min={1} defaultValue={search.get('donorId') ?? ''} data-testid="journal-donorId" />
        </div>
        <div className="field">
          <label htmlFor="journal-account">{t('fund.journal.account')}</label>
          <input id="journal-account" name="account" placeholder="CASH" defaultValue={search.get('account') ?? ''} data-testid="journal-account" />
        </div>
        <div className="field">
          <label htmlFor="journal-from">{t('fund.journal.from')}</label>
          <input id="journal-from" name="from" type="date" defaultValue={search.get('from') ?? ''} data-testid="journal-from" />
        </div>
        <div className="field">
          <label htmlFor="journal-to">{t('fund.journal.to')}</label>
          <input id="journal-to" name="to" type="date" defaultValue={search.get('to') ?? ''} data-testid="journal-to" />
        </div>
        <div className="field">
          <label htmlFor="journal-sort">{t('fund.journal.sort')}</label>
          <select id="journal-sort" name="sort" defaultValue={search.get('sort') ?? '-id'} data-testid="journal-sort">
            <option value="-id">{t('fund.journal.sortNewest')}</option>
            <option value="id">{t('fund.journal.sortOldest')}</option>
            <option value="-valueDate">{t('fund.journal.sortDateDesc')}</option>
            <option value="valueDate">{t('fund.journal.sortDateAsc')}</option>
          </select>
        </div>
        <button type="submit" data-testid="journal-apply">
          {t('fund.journal.apply')}
        </button>
      </form>
      <Loaded state={journal}>
        {(page) => (
          <>
            <p role="status" data-testid="journal-total">
              {t('fund.journal.found', { count: page.total })}
            </p>
            <ol className="card-list">
              {page.items.map((entry) => (
                <JournalEntryCard key={entry.id} fundId={fundId} entry={entry} language={language} onReversed={() => setReloads((n) => n + 1)} />
              ))}
            </ol>
            <Pager
              page={page.page}
              size={page.size}
              total={page.total}
              onPage={(next) => {
                const params = new URLSearchParams(search)
                params.set('page', String(next))
                setSearch(params)
              }}
            />
          </>
        )}
      </Loaded>
    </>
  )
}

function JournalEntryCard({ fundId, entry, language, onReversed }: { fundId: number; entry: JournalEntry; language: Language; onReversed: () => void }) {
  const { t } = useTranslation()
  const [reversing, setReversing] = useState(false)
  const canReverse = entry.kind !== 'REVERSAL' && entry.reversedByEntryId == null
  return (
    <li data-testid="journal-entry" data-entry-id={entry.id}>
      <p>
        <strong>{t('fund.journal.entry', { id: entry.id, kind: t(`fund.kind.${entry.kind}`) })}</strong> · {formatDate(entry.valueDate, language)}
        {entry.donorId != null && <> · {t('fund.journal.donor', { id: entry.donorId })}</>}
        {entry.description && <> · {entry.description}</>}
      </p>
      {entry.reversesEntryId != null && <p className="badge">{t('fund.journal.reverses', { id: entry.reversesEntryId })}</p>}
      {entry.reversedByEntryId != null && (
        <p className="badge badge-warning" data-testid="entry-reversed">
          {t('fund.journal.reversedBy', { id: entry.reversedByEntryId })}
        </p>
      )}
      <EntryLegs legs={entry.legs} language={language} />
      <p className="muted">{t('fund.journal.posted', { by: entry.postedBy, at: formatDateTime(entry.postedAt, language) })}</p>
      {canReverse &&
        (reversing ? (
          <ReversalForm
            fundId={fundId}
            entry={entry}
            language={language}
            onCancel={() => setReversing(false)}
            onReversed={() => {
              setReversing(false)
              onReversed()
            }}
          />
        ) : (
          <button type="button" onClick={() => setReversing(true)} data-testid="entry-reverse">
            {t('fund.reversal.open')}
          </button>
        ))}
    </li>
  )
}

/**
 * A reason, then the mirror entry as the server's dry run of the reversal shows it (a refusal,
 * e.g. money already allocated, is shown before anything is posted), then the reversal posted
 * once with the key made when the entry was shown.
 */
function ReversalForm(props: { fundId: number; entry: JournalEntry; language: Language; onCancel: () => void; onReversed: () => void }) {
  const { t } = useTranslation()
  const [review, setReview] = useState<{ body: Schemas['ReversalInput']; preview: PreviewEntry; idempotencyKey: string } | null>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)

  async function showEntry(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (inFlight.current) return
    const form = new FormData(event.currentTarget)
    const reason = text(form, 'reason')
    if (!reason) {
      // Every correction says why: asked here, as the API's optional field allows none.
      setError(new ApiProblem({ status: 422, title: t('fund.reversal.reasonMissing'), errors: [{ field: 'reason', message: t('fund.reversal.reasonRequired') }] }))
      return
    }
    const body = { reason, valueDate: text(form, 'valueDate') }
    inFlight.current = true
    setBusy(true)
    setError(undefined)
    try {
      setReview({ body, preview: await previewReversal(props.fundId, props.entry.id, body), idempotencyKey: newIdempotencyKey() })
    } catch (failure) {
      setError(failure)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  async function confirm() {
    if (!review || inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setError(undefined)
    try {
      await reverseEntry(props.fundId, props.entry.id, review.body, review.idempotencyKey)
      props.onReversed()
    } catch (failure) {
      setError(failure)
      // Refused: back to the form (a new key with the next entry shown); a network failure keeps the key for a safe retry.
      if (failure instanceof ApiProblem) setReview(null)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return (
    <form className="edit-form panel" onSubmit={showEntry} noValidate data-testid="reversal-form">
      <h3>{t('fund.reversal.title', { id: props.entry.id })}</h3>
      <FieldErrors error={error}>
        <fieldset disabled={review !== null} className="plain">
          <div className="field-row">
            <Field name="reason" label={t('fund.reversal.reason')} required>
              {(control) => <input {...control} maxLength={500} data-testid="reversal-reason" />}
            </Field>
            <Field name="valueDate" label={t('fund.field.valueDate')}>
              {(control) => <input {...control} type="date" defaultValue={today()} data-testid="reversal-date" />}
            </Field>
          </div>
          {review === null && (
            <div className="actions">
              <button type="submit" disabled={busy} data-testid="reversal-review">
                {busy ? t('fund.record.checking') : t('fund.record.review')}
              </button>
              <button type="button" onClick={props.onCancel} disabled={busy}>
                {t('edit.cancel')}
              </button>
            </div>
          )}
        </fieldset>
      </FieldErrors>
      {review && (
        <section className="confirm-step" data-testid="reversal-confirm-step">
          <p>{t('fund.reversal.confirmText')}</p>
          <EntryPreview preview={review.preview} language={props.language} />
          <div className="actions">
            <button type="button" onClick={() => void confirm()} disabled={busy} data-testid="reversal-confirm">
              {busy ? t('fund.record.posting') : t('fund.reversal.confirm')}
            </button>
            <button type="button" onClick={() => setReview(null)} disabled={busy} data-testid="reversal-change">
              {t('fund.record.change')}
            </button>
          </div>
        </section>
      )}
      <SaveProblem error={error} />
    </form>
  )
}
