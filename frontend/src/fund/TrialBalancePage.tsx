import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { useAccountName } from './EntryLegs'
import { FundLinks } from './FundPage'
import { ManagerOnly } from './ManagerOnly'
import { formatMoney } from './money'

/** Per account, debits, credits and balance from the running balances; debits = credits. */
export function TrialBalancePage({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  return (
    <ManagerOnly>
      <h1>{t('fund.trialBalance.title')}</h1>
      <FundLinks fundId={fundId} />
      <TrialBalance fundId={fundId} />
    </ManagerOnly>
  )
}

function TrialBalance({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const accountName = useAccountName()
  const balance = useLoad((signal) => (api.GET('/api/funds/{fundId}/trial-balance', { params: { path: { fundId } }, signal }).then(unwrap) as Promise<Schemas['TrialBalance']>), [fundId])
  return (
    <Loaded state={balance}>
      {(data) => (
        <>
          <p role="status" className={data.balanced ? 'notice' : 'problem'} data-testid="trial-balanced">
            {data.balanced
              ? t('fund.trialBalance.balanced', { amount: formatMoney(data.totalDebits, data.currency, language) })
              : t('fund.trialBalance.unbalanced', {
                  debits: formatMoney(data.totalDebits, data.currency, language),
                  credits: formatMoney(data.totalCredits, data.currency, language),
                })}
          </p>
          <table className="data-table" data-testid="trial-balance">
            <thead>
              <tr>
                <th scope="col">{t('fund.entry.account')}</th>
                <th scope="col">{t('fund.trialBalance.debits')}</th>
                <th scope="col">{t('fund.trialBalance.credits')}</th>
                <th scope="col">{t('fund.trialBalance.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {data.accounts.map((line) => (
                <tr key={line.account} data-testid="trial-line" data-account={line.account}>
                  <th scope="row">
                    {accountName(line.account)} <code>{line.account}</code>
                  </th>
                  <td className="number">{formatMoney(line.debits, data.currency, language)}</td>
                  <td className="number">{formatMoney(line.credits, data.currency, language)}</td>
                  <td className="number">{formatMoney(line.balance, data.currency, language)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="trial-totals">
                <th scope="row">{t('fund.trialBalance.total')}</th>
                <td className="number">{formatMoney(data.totalDebits, data.currency, language)}</td>
                <td className="number">{formatMoney(data.totalCredits, data.currency, language)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </Loaded>
  )
}
