import { useHasRole } from '../auth/AuthProvider'

/** The fund manager and the secretariat record movements and read the journal. */
export function useCanManageFund(): boolean {
  const fundManager = useHasRole('fund-manager')
  const secretariat = useHasRole('secretariat')
  return fundManager || secretariat
}
