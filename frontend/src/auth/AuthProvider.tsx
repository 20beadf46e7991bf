import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { api, unwrap, type Schemas } from '../api/client'
import { startSession } from './session'

export type CurrentUser = Schemas['CurrentUser']

export type AuthState =
  | { status: 'starting' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: CurrentUser }
  /** Login settings could not be read, or the API refused the token; `loggedIn` says whether to offer Logout. */
  | { status: 'failed'; error: unknown; loggedIn: boolean }

const AuthContext = createContext<AuthState>({ status: 'starting' })

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'starting' })

  useEffect(() => {
    let current = true
    const settle = (next: AuthState) => current && setState(next)
    startSession().then(
      async (loggedIn) => {
        if (!loggedIn) return settle({ status: 'anonymous' })
        try {
          // Asking the API (not just reading the token) proves the API accepts the token.
          const user = await api.GET('/api/me').then(unwrap)
          settle({ status: 'authenticated', user })
        } catch (error) {
          settle({ status: 'failed', error, loggedIn: true })
        }
      },
      (error) => settle({ status: 'failed', error, loggedIn: false }),
    )
    return () => {
      current = false
    }
  }, [])

  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthState {
  return useContext(AuthContext)
}

/** Whether the logged-in user has this realm role (false while starting or logged out). */
export function useHasRole(role: Schemas['Role']): boolean {
  const auth = useAuth()
  return auth.status === 'authenticated' && auth.user.roles.includes(role)
}
