// The SMS a resident would receive, read from the backend's development outbox
// (`$LIANXIN_OUTBOX_DIR/sms.jsonl`, one JSON line per message; docs/notifications.md),
// as a developer reads it with `tail -f .data/outbox/sms.jsonl`.
import fs from "node:fs"
import path from "node:path"

export type Sms = { to: string; text: string; template: string; at: string }

export function smsTo(mobile: string): Sms[] {
  const dir = process.env.SMS_OUTBOX_DIR
  if (!dir) throw new Error("SMS_OUTBOX_DIR is set by the global setup")
  const file = path.join(dir, "sms.jsonl")
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Sms)
    .filter((m) => m.to === mobile)
}

/** The six digits of the newest sign-in code sent to the number, or null. */
export function latestSignInCode(mobile: string): string | null {
  const codes = smsTo(mobile).filter((m) => m.template === "otp_sign_in")
  return /(\d{6})/.exec(codes.at(-1)?.text ?? "")?.[1] ?? null
}
