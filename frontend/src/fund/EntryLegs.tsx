import { useTranslation } from 'react-i18next'
import type { Language } from '../i18n'
import type { JournalLeg, PreviewEntry } from './fundApi'
import { formatMoney } from './money'

const ACCOUNT_GROUPS = [
  'CASH', 'UNALLOCATED', 'ALLOCATED', 'EXPENDED', 'PLEDGED', 'PLEDGE_COMMITMENTS', 'CONTRIBUTIONS', 'HELD_FOR_DONORS', 'INTEREST', 'REFUNDS', 'FEES',
] as const
type AccountGroup = (typeof ACCOUNT_GROUPS)[number]

/** What an account is, in words ("Cash held in trust"), from its code ("CASH", "ALLOCATED:57"). */
export function useAccountName(): (account: string) => string {
  const { t } = useTranslation()
  return (account) => {
    const group = account.split(':')[0] as AccountGroup
    return ACCOUNT_GROUPS.includes(group) ? t(`fund.account.${group}`) : account
  }
}

/** The legs of an entry: account, debit or credit in USD, and the original amount where there is one. */
export function EntryLegs({ legs, language, testId = 'entry-leg' }: { legs: JournalLeg[]; language: Language; testId?: string }) {
  const { t } = useTranslation()
  const accountName = useAccountName()
  return (
    <table className="data-table legs">
      <thead>
        <tr>
          <th scope="col">{t('fund.entry.account')}</th>
          <th scope="col">{t('fund.entry.debit')}</th>
          <th scope="col">{t('fund.entry.credit')}</th>
          <th scope="col">{t('fund.entry.original')}</th>
        </tr>
      </thead>
      <tbody>
        {legs.map((leg, index) => {
          const usd = leg.amountUsd ? formatMoney(leg.amountUsd, 'USD', language) : '—'
          return (
            <tr key={index} data-testid={testId} data-account={leg.account} data-side={leg.side}>
              <th scope="row">
                {accountName(leg.account)} <code>{leg.account}</code>
              </th>
              <td className="number">{leg.side === 'DEBIT' ? usd : ''}</td>
              <td className="number">{leg.side === 'CREDIT' ? usd : ''}</td>
              <td className="number">{leg.amount && leg.currency && leg.currency !== 'USD' ? formatMoney(leg.amount, leg.currency, language) : ''}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The entry a movement will post, shown before it is posted. */
export function EntryPreview({ preview, language }: { preview: PreviewEntry; language: Language }) {
  const { t } = useTranslation()
  return (
    <div data-testid="entry-preview">
      <EntryLegs legs={preview.legs} language={language} testId="preview-leg" />
      {preview.totalDebits != null && preview.totalCredits != null ? (
        <p data-testid="preview-totals" className={preview.balanced ? 'muted' : 'problem'}>
          {t('fund.entry.totals', {
            debits: formatMoney(preview.totalDebits, 'USD', language),
            credits: formatMoney(preview.totalCredits, 'USD', language),
          })}
        </p>
      ) : (
        <p className="notice" data-testid="preview-incomplete">
          {t('fund.entry.incomplete')}
        </p>
      )}
    </div>
  )
}
