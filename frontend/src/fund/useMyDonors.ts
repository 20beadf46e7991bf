import { api, type Schemas } from '../api/client'
import { useAuth } from '../auth/AuthProvider'
import { useLoad } from '../components/useLoad'

type Donor = Schemas['Donor']

/**
 * The donors the logged-in user reads statements for. None for visitors, for users without the
 * donor role, and when the list cannot be read: the statement pages then work from their
 * address alone.
 */
export function useMyDonors(): Donor[] {
  const auth = useAuth()
  const isDonor = auth.status === 'authenticated' && auth.user.roles.includes('donor')
  const donors = useLoad(async (signal) => {
    if (!isDonor) return []
    const { data, response } = await api.GET('/api/me/donors', { signal })
    if (!response.ok || !data) return []
    return data.items
  }, [isDonor])
  return donors.status === 'loaded' ? donors.data : []
}
