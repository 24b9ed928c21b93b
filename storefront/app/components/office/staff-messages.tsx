import { Form, Link, useLocation } from "react-router"
import { useT } from "../../lib/use-i18n"

export type StaffMessage = { id: string; title: string; body: string; link: string | null; createdAt: string }

/** The staff member's unread messages at the top of every portal page; each can be put away. Hidden when printing. */
export function StaffMessages({ messages, unread }: { messages: StaffMessage[]; unread: number }) {
  const t = useT()
  const location = useLocation()
  if (unread === 0) return null
  const back = `${location.pathname}${location.search}`
  const button = "min-h-11 rounded-full border border-stone-300 bg-white px-4 text-sm text-stone-700 hover:bg-stone-100"
  return (
    <section
      aria-labelledby="staff-messages"
      className="mb-5 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-300 print:hidden"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="staff-messages" className="font-semibold text-amber-950">
          {t("office.messages.unread", { count: unread })}
        </h2>
        {unread > 1 ? (
          <Form method="post" action="/office/messages/read">
            <input type="hidden" name="all" value="1" />
            <input type="hidden" name="redirectTo" value={back} />
            <button type="submit" className={button}>
              {t("office.messages.readAll")}
            </button>
          </Form>
        ) : null}
      </div>
      <ul className="mt-2 space-y-2">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg bg-white p-3 ring-1 ring-amber-200">
            <p className="font-medium">{m.title}</p>
            <p className="mt-1 text-sm text-stone-700">{m.body}</p>
            <div className="mt-2 flex gap-2">
              {m.link ? (
                <Link to={m.link} className={`${button} inline-flex items-center`}>
                  {t("office.messages.open")}
                </Link>
              ) : null}
              <Form method="post" action="/office/messages/read">
                <input type="hidden" name="id" value={m.id} />
                <input type="hidden" name="redirectTo" value={back} />
                <button type="submit" className={button}>
                  {t("office.messages.read")}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      {unread > messages.length ? (
        <p className="mt-2 text-xs text-amber-900">{t("office.messages.more", { count: unread - messages.length })}</p>
      ) : null}
    </section>
  )
}
