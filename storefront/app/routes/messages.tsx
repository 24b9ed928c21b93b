import { Form, Link } from "react-router"
import { Notice } from "../components/form-field"
import { formatDateTime } from "../lib/commerce"
import { translator } from "../lib/i18n"
import { routeHeaders } from "../lib/route-headers"
import { appSessions, getNotifyApi } from "../lib/server/app.server"
import { loadMessagesPage, messagesAction } from "../lib/server/notify.server"
import { langFromMatches, useLang, useT } from "../lib/use-i18n"
import type { Route } from "./+types/messages"

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = translator(langFromMatches(matches))
  return [{ title: `${t("messages.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }]
}

export async function loader({ request }: Route.LoaderArgs) {
  return loadMessagesPage(getNotifyApi(), appSessions, request)
}

export async function action({ request }: Route.ActionArgs) {
  return messagesAction(getNotifyApi(), appSessions, request)
}

export const headers: Route.HeadersFunction = routeHeaders

export default function MessagesPage({ loaderData }: Route.ComponentProps) {
  const { inbox, preference, page, pageSize, saved } = loaderData
  const t = useT()
  const lang = useLang()
  const button = "min-h-11 rounded-full border border-stone-300 px-4 text-sm hover:bg-stone-100"
  return (
    <section aria-labelledby="messages-title" className="mx-auto max-w-xl space-y-5">
      <div className="flex items-center justify-between gap-3">
        <h1 id="messages-title" className="text-xl font-bold">
          {t("messages.title")}
          {inbox.unread > 0 ? (
            <span className="ml-2 text-sm font-normal text-stone-600">
              {t("messages.unread", { count: inbox.unread })}
            </span>
          ) : null}
        </h1>
        {inbox.unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className={button}>
              {t("messages.readAll")}
            </button>
          </Form>
        ) : null}
      </div>
      {inbox.messages.length === 0 ? (
        <p className="text-sm text-stone-600">{t("messages.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {inbox.messages.map((m) => (
            <li key={m.id}>
              <article
                aria-labelledby={`msg-${m.id}`}
                className={`rounded-xl p-4 ring-1 ${m.read ? "bg-white ring-stone-200" : "bg-emerald-50 ring-emerald-300"}`}
              >
                <div className="flex items-baseline justify-between gap-2">
                  <h2 id={`msg-${m.id}`} className="font-semibold">
                    {m.read ? null : (
                      <span className="mr-2 rounded bg-emerald-700 px-1.5 text-xs text-white">{t("messages.new")}</span>
                    )}
                    {m.urgent ? (
                      <span className="mr-2 rounded bg-red-600 px-1.5 text-xs text-white">{t("messages.urgent")}</span>
                    ) : null}
                    {m.title}
                  </h2>
                </div>
                <p className="mt-1 text-xs text-stone-600">
                  <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
                </p>
                <p className="mt-2 text-sm text-stone-800">{m.body}</p>
                <div className="mt-3 flex gap-2">
                  {m.link ? (
                    <Link to={m.link} className={`${button} inline-flex items-center`}>
                      {t("messages.open")}
                    </Link>
                  ) : null}
                  {m.read ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="read" />
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" className={button}>
                        {t("messages.markRead")}
                      </button>
                    </Form>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <nav className="flex justify-between text-sm" aria-label={t("messages.title")}>
        {page > 0 ? <Link to={`/account/messages?page=${page - 1}`}>{t("messages.newer")}</Link> : <span />}
        {(page + 1) * pageSize < inbox.count ? (
          <Link to={`/account/messages?page=${page + 1}`}>{t("messages.older")}</Link>
        ) : null}
      </nav>
      <section aria-labelledby="message-settings" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h2 id="message-settings" className="font-semibold">
          {t("messages.settings")}
        </h2>
        <p className="mt-1 text-xs text-stone-600">{t("messages.settingsHint")}</p>
        {saved ? <Notice>{t("messages.saved")}</Notice> : null}
        <Form method="post" className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="preferences" />
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="email" defaultChecked={preference.email} className="size-5" />
            {t("messages.email")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="sms" defaultChecked={preference.sms} className="size-5" />
            {t("messages.sms")}
          </label>
          <button type="submit" className={button}>
            {t("messages.save")}
          </button>
        </Form>
      </section>
    </section>
  )
}
