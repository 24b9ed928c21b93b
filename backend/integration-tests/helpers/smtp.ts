import type { AddressInfo } from "node:net"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string; raw: string }

/**
 * A real SMTP server on a free local port for one test file: it accepts mail
 * from our email provider and keeps what arrived, parsed. `failNext(n)`
 * makes the next n messages be refused with 451 (a provider that is down).
 */
export async function startTestSmtp() {
  const received: ReceivedMail[] = []
  let failures = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on("data", (c: Buffer) => chunks.push(c))
      stream.on("end", () => {
        if (failures > 0) {
          failures--
          const err = new Error("mailbox temporarily unavailable") as Error & { responseCode: number }
          err.responseCode = 451
          callback(err)
          return
        }
        const raw = Buffer.concat(chunks).toString("utf8")
        simpleParser(raw)
          .then((mail: ParsedMail) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              raw,
            })
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    received,
    failNext(n: number) {
      failures = n
    },
    to(address: string) {
      return received.filter((m) => m.to.includes(address))
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
