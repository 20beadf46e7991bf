import { api, unwrap } from '../api/client'
import { useAuth } from '../auth/AuthProvider'
import { useLoad } from '../components/useLoad'

/** Ids of the cities the logged-in user is a focal point of (none for visitors or on failure). */
export function useMyCityIds(): Set<number> {
  const auth = useAuth()
  const loggedIn = auth.status === 'authenticated'
  const cities = useLoad(async (signal) => {
    if (!loggedIn) return new Set<number>()
    const list = await api.GET('/api/me/cities', { signal }).then(unwrap)
    return new Set(list.items.map((city) => city.id))
  }, [loggedIn])
  return cities.status === 'loaded' ? cities.data : new Set()
}
