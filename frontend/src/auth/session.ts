import Keycloak from 'keycloak-js'
import { api, setAccessTokenSource, unwrap } from '../api/client'

let keycloak: Keycloak | undefined
let starting: Promise<boolean> | undefined

/**
 * Reads the login settings from the API and starts keycloak-js. When the page is the
 * redirect back from Keycloak's login, this finishes the login (code in the URL → tokens).
 * Resolves to whether a user is logged in. Runs once, however often it is called
 * (React's StrictMode mounts twice, and keycloak-js may only be initialised once).
 */
export function startSession(): Promise<boolean> {
  starting ??= (async () => {
    const config = await api.GET('/api/client-config').then(unwrap)
    const instance = new Keycloak({ url: config.oidcUrl, realm: config.realm, clientId: config.clientId })
    // check-sso in a hidden iframe: a reload or a deep link keeps the user logged in, without a
    // visible redirect. If Keycloak cannot answer quickly, the page goes on as a visitor.
    const authenticated = await instance.init({
      pkceMethod: 'S256',
      checkLoginIframe: false,
      onLoad: 'check-sso',
      silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
      messageReceiveTimeout: 3000,
    }).catch(() => false)
    keycloak = instance
    setAccessTokenSource(freshAccessToken)
    return authenticated
  })()
  return starting
}

/** The access token, refreshed first when it expires within 30 s; none when logged out. */
async function freshAccessToken(): Promise<string | undefined> {
  if (!keycloak?.authenticated) return undefined
  try {
    await keycloak.updateToken(30)
  } catch {
    // The Keycloak session ended (expired or logged out elsewhere): go on as a visitor.
    keycloak.clearToken()
    return undefined
  }
  return keycloak.token
}

/** Sends the user to Keycloak; they come back to `redirectUri` (default: where they are). */
export function login(locale: string, redirectUri?: string): Promise<void> {
  if (!keycloak) return Promise.reject(new Error('The session has not started'))
  return keycloak.login(redirectUri ? { locale, redirectUri } : { locale })
}

export function logout(): Promise<void> {
  if (!keycloak) return Promise.reject(new Error('The session has not started'))
  return keycloak.logout({ redirectUri: `${window.location.origin}/` })
}
