import { api, unwrap, type Schemas } from '../api/client'
import { useAuth } from '../auth/AuthProvider'
import { useLoad } from '../components/useLoad'

/** The cities the logged-in user is a focal point of (none for visitors or on failure). */
export function useMyCities(): Schemas['MemberSummary'][] {
  const auth = useAuth()
  const loggedIn = auth.status === 'authenticated'
  const cities = useLoad(async (signal) => {
    if (!loggedIn) return []
    const list = await api.GET('/api/me/cities', { signal }).then(unwrap)
    return list.items
  }, [loggedIn])
  return cities.status === 'loaded' ? cities.data : []
}

/** Ids of the cities the logged-in user is a focal point of (none for visitors or on failure). */
export function useMyCityIds(): Set<number> {
  return new Set(useMyCities().map((city) => city.id))
}
