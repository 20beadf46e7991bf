import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RequireLogin } from '../components/LoginPrompt'
import { useCanManageFund } from './roles'

/** The fund manager's and the secretariat's pages; others are told why they see nothing. */
export function ManagerOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const canManage = useCanManageFund()
  return (
    <RequireLogin reason={t('fund.managerOnly')}>
      {canManage ? (
        children
      ) : (
        <p role="alert" className="problem" data-testid="fund-forbidden">
          {t('fund.managerOnly')}
        </p>
      )}
    </RequireLogin>
  )
}
