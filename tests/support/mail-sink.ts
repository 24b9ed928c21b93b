// A real SMTP server for the journeys: the backend sends its email here
// (LIANXIN_SMTP_HOST/PORT), and the journeys read what arrived over a small
// HTTP endpoint (GET /messages?to=…), since they run in other processes.
import http from "node:http"
import type { AddressInfo } from "node:net"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export type SunkMail = { to: string[]; subject: string; text: string; at: string }

export async function startMailSink() {
  const received: SunkMail[] = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            at: new Date().toISOString(),
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve))
  const smtpPort = (smtp.server.address() as AddressInfo).port
  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sink")
    const to = url.searchParams.get("to")?.toLowerCase()
    res.setHeader("content-type", "application/json; charset=utf-8")
    res.end(JSON.stringify({ messages: to ? received.filter((m) => m.to.includes(to)) : received }))
  })
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}`
  return {
    smtpPort,
    url,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
      await new Promise<void>((resolve) => web.close(() => resolve()))
    },
  }
}

/** Mail the stack's SMTP server received for an address (MAIL_SINK_URL is set by the global setup). */
export async function mailTo(address: string): Promise<SunkMail[]> {
  const sink = process.env.MAIL_SINK_URL
  if (!sink) throw new Error("MAIL_SINK_URL is set by the global setup")
  const res = await fetch(`${sink}/messages?to=${encodeURIComponent(address)}`)
  return ((await res.json()) as { messages: SunkMail[] }).messages
}
