import { redirect } from "react-router"
import { z } from "zod"
import { LANGS, langCookie } from "../lib/i18n"
import { safeRedirect } from "../lib/safe-redirect"
import { getNotifyApi } from "../lib/server/app.server"
import { rememberLanguage as remember } from "../lib/server/notify.server"
import { getSession, hasSessionCookie } from "../lib/server/session.server"
import type { Route } from "./+types/set-language"

/** A signed-in resident's messages follow the language they chose here. */
async function rememberLanguage(request: Request, lang: (typeof LANGS)[number]) {
  if (!hasSessionCookie(request)) return
  await remember(getNotifyApi(), await getSession(request), lang)
}

const languageForm = z.object({
  lang: z.enum(LANGS),
  redirectTo: z.string().optional(),
})

/** Someone opened /set-language directly: nothing to show here. */
export async function loader() {
  return redirect("/")
}

export async function action({ request }: Route.ActionArgs) {
  const form = languageForm.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) {
    throw new Response("Unsupported language", { status: 400 })
  }
  await rememberLanguage(request, form.data.lang)
  const secure = new URL(request.url).protocol === "https:"
  return redirect(safeRedirect(form.data.redirectTo), {
    status: 303,
    headers: { "Set-Cookie": langCookie(form.data.lang, { secure }) },
  })
}
