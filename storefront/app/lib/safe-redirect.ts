/**
 * A same-site path to send the browser back to after a form post, or the
 * fallback. Rejects absolute URLs and protocol-relative tricks (//evil, /\evil)
 * so our forms cannot be used as an open redirect.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback
  if (to.startsWith("//") || to.startsWith("/\\")) return fallback
  // Control characters (including newlines) have no place in a Location header.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback
  return to
}
