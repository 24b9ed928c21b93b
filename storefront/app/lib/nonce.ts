import { createContext, useContext } from "react"

/** The request header through which scripts/server.mjs hands the app its response's CSP nonce. */
export const CSP_NONCE_HEADER = "x-lianxin-csp-nonce"

/**
 * The CSP nonce of the page being rendered (scripts/server.mjs makes one per
 * request, entry.server.tsx provides it). Server only: in the browser it is
 * undefined, and browsers hide the attribute's value from the DOM anyway.
 */
export const NonceContext = createContext<string | undefined>(undefined)

export function useNonce() {
  return useContext(NonceContext)
}
