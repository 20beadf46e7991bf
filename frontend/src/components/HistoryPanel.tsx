import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { currentLanguage } from '../i18n'
import { formatDateTime } from './format'
import { Loaded } from './Loaded'
import { Pager } from './Pager'
import { useLoad } from './useLoad'

type AuditEvent = Schemas['AuditEvent']

const PAGE_SIZE = 10

/**
 * Who changed a record, when, and each field's old and new value, newest first — for the
 * secretariat. `reloads` asks again after a change on the page; a 401 or 403 hides the panel.
 */
export function HistoryPanel({ entityType, entityId, reloads = 0 }: { entityType: string; entityId: number | string; reloads?: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [page, setPage] = useState(1)
  const history = useLoad(
    (signal) =>
      api
        .GET('/api/audit/{entityType}/{entityId}', {
          params: { path: { entityType, entityId: String(entityId) }, query: { page, size: PAGE_SIZE } },
          signal,
        })
        .then(unwrap),
    [entityType, entityId, page, reloads],
  )
  if (history.status === 'failed' && history.error instanceof ApiProblem && [401, 403].includes(history.error.status)) return null

  return (
    <section aria-labelledby="history-title" data-testid="history-panel">
      <h2 id="history-title">{t('audit.title')}</h2>
      <Loaded state={history} isEmpty={(data) => data.total === 0} empty={t('audit.none')}>
        {(data) => (
          <>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.who')}</th>
                  <th scope="col">{t('audit.what')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((event) => (
                  <tr key={event.id} data-testid="history-event">
                    <td>{formatDateTime(event.at, language)}</td>
                    <td data-testid="history-actor">
                      <ActorName actor={event.actor} />
                    </td>
                    <td>
                      <strong>{t(`audit.action.${event.action}`)}</strong>
                      <ul className="history-changes">
                        {event.changes.map((change) => (
                          <li key={change.field} data-testid="history-change">
                            <code>{change.field}</code>
                            {event.action === 'UPDATE' ? (
                              <>
                                {': '}
                                <Value value={change.old} /> → <Value value={change.new} />
                              </>
                            ) : (
                              <>
                                {': '}
                                <Value value={event.action === 'DELETE' ? change.old : change.new} />
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.page} size={data.size} total={data.total} onPage={setPage} />
          </>
        )}
      </Loaded>
    </section>
  )
}

function ActorName({ actor }: { actor: AuditEvent['actor'] }) {
  const { t } = useTranslation()
  if (actor.subject === 'system') return <>{t('audit.system')}</>
  if (actor.subject === 'anonymous') return <>{t('audit.anonymous')}</>
  const name = actor.name ?? actor.username ?? actor.subject
  return <span title={actor.subject}>{actor.username && actor.username !== name ? `${name} (${actor.username})` : name}</span>
}

/** A recorded value as text; stored text is shown as text, never as markup. */
function Value({ value }: { value: unknown }) {
  const { t } = useTranslation()
  if (value === null || value === undefined || value === '') return <em>{t('audit.empty')}</em>
  if (typeof value === 'boolean') return <>{value ? t('audit.yes') : t('audit.no')}</>
  if (Array.isArray(value)) return <>{value.length === 0 ? t('audit.empty') : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}</>
  if (typeof value === 'object') return <>{JSON.stringify(value)}</>
  return <>{String(value)}</>
}
