import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useAuth } from '../auth/AuthProvider'
import { formatDate, formatDateTime, formatNumber } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { useLoad } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'
import { formatPercent, formatUsd } from './homeFormat'

type Item = Schemas['WorkQueueItem']
type Role = Schemas['Role']

/** Where a logged-in user lands: what needs their attention, per role, each item linking to its screen. */
export function WorkQueuePage() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('workQueue.title')}</h1>
      <p>{t('workQueue.intro')}</p>
      <RequireLogin reason={t('workQueue.loginReason')}>
        <Queue />
      </RequireLogin>
    </>
  )
}

function Queue() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const auth = useAuth()
  const username = auth.status === 'authenticated' ? auth.user.username : ''
  const queue = useLoad(
    (signal) => api.GET('/api/me/work-queue', { params: { query: { lang: language } }, signal }).then(unwrap),
    [language, username],
  )
  return (
    <Loaded state={queue} isEmpty={(data) => data.items.length === 0} empty={t('workQueue.empty')}>
      {(data) => {
        const roles = [...new Set(data.items.map((item) => item.role))]
        return (
          <>
            {roles.map((role) => (
              <section key={role} aria-labelledby={`queue-${role}`} data-testid={`queue-${role}`}>
                <h2 id={`queue-${role}`}>{t(`roles.${role as Role}`)}</h2>
                <ul className="work-queue">
                  {data.items
                    .filter((item) => item.role === role)
                    .map((item, index) => (
                      <li
                        key={`${item.kind}-${index}`}
                        className={item.count === 0 ? 'muted' : undefined}
                        data-testid="queue-item"
                        data-kind={item.kind}
                        data-count={item.count ?? ''}
                      >
                        <Link to={item.route}>{describe(item, t, language)}</Link>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
            <p className="muted">{t('workQueue.computedAt', { time: formatDateTime(data.computedAt, language) })}</p>
          </>
        )
      }}
    </Loaded>
  )
}

type T = ReturnType<typeof useTranslation>['t']

/** One sentence per item, its figures formatted in the reader's language. */
function describe(item: Item, typedT: T, language: Language): string {
  // Plain string keys: checking these dynamic keys against the whole merged catalogue makes
  // TypeScript give up ("excessively deep"); the frontdoor e2e reads every item's sentence.
  const t = typedT as unknown as (key: string, options?: Record<string, unknown>) => string
  const values = {
    count: formatNumber(item.count ?? 0, language),
    label: item.label ?? '',
    date: formatDate(item.date, language),
    amount: formatUsd(item.amount, language),
    percent: formatPercent(item.percent, language),
  }
  switch (item.kind) {
    case 'NEXT_REPORT_DUE':
      return item.count ? t('workQueue.kind.NEXT_REPORT_DUE', values) : t('workQueue.kind.NEXT_REPORT_NONE', values)
    case 'MY_FICHES':
      return item.label
        ? t('workQueue.kind.MY_FICHES', { ...values, label: t(`workQueue.ficheStatus.${item.label as 'DRAFT'}`) })
        : t('workQueue.kind.MY_FICHES_NONE')
    case 'DONOR_USE':
      return t('workQueue.kind.DONOR_USE', { ...values, label: item.label ?? t('workQueue.otherUse') })
    default:
      return t(`workQueue.kind.${item.kind}`, values)
  }
}
