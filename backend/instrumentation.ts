import { installHttpEdge } from "@lianxin/plugin/utils/http-edge"

/**
 * `medusa start` imports this file before it creates its Express app (the
 * hook Medusa offers for OpenTelemetry). We use it to put the plugin's HTTP
 * edge first in that app: security headers on every response (Medusa Admin
 * included), no X-Powered-By, and the input guard before any route decodes a
 * parameter (docs/security.md).
 */
export function register() {
  installHttpEdge()
}
