import { api, type Schemas } from '../api/client'
import { useAuth } from '../auth/AuthProvider'
import { useLoad } from '../components/useLoad'

type Donor = Schemas['Donor']

// GET /api/me/donors (the donors whose user is the caller) is being added to the contract on
// another branch. Until it is in schema.d.ts the typed client does not know the path, hence this
// narrow untyped view of it; after the merge, call `api.GET('/api/me/donors')` and drop the cast.
type UntypedGet = (path: string, init: { signal: AbortSignal }) => Promise<{ data?: unknown; response: Response }>

/**
 * The donors the logged-in user reads statements for. None for visitors, for users without the
 * donor role, and while the API does not offer the list (404): the statement pages then work
 * from their address alone.
 */
export function useMyDonors(): Donor[] {
  const auth = useAuth()
  const isDonor = auth.status === 'authenticated' && auth.user.roles.includes('donor')
  const donors = useLoad(async (signal) => {
    if (!isDonor) return []
    const { data, response } = await (api.GET as unknown as UntypedGet)('/api/me/donors', { signal })
    if (!response.ok) return []
    const items = (data as { items?: unknown } | undefined)?.items
    return Array.isArray(items) ? (items as Donor[]) : []
  }, [isDonor])
  return donors.status === 'loaded' ? donors.data : []
}
