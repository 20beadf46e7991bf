// keycloak-js's check-sso iframe lands here: hand the URL (with the code or the error) to the SPA.
// A file, not an inline script, so the page runs under the content security policy's script-src 'self'.
parent.postMessage(location.href, location.origin)
