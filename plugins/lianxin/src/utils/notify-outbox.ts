import { appendFile, mkdir, readFile } from "node:fs/promises"
import path from "node:path"

/**
 * A local outbox: one JSON object per line in `<dir>/<channel>.jsonl`, appended
 * with O_APPEND (lines from several processes do not interleave). The SMS
 * provider in development and tests, and the email provider without an SMTP
 * host, write here; a developer reads it with `tail -f`, tests with readOutbox.
 */
export type OutboxEntry = {
  id: string
  at: string
  channel: string
  to: string
  template: string
  subject?: string
  text: string
}

export async function appendOutbox(dir: string, entry: OutboxEntry): Promise<void> {
  await mkdir(dir, { recursive: true })
  await appendFile(path.join(dir, `${entry.channel}.jsonl`), `${JSON.stringify(entry)}\n`, { flag: "a" })
}

export async function readOutbox(dir: string, channel: string): Promise<OutboxEntry[]> {
  let text: string
  try {
    text = await readFile(path.join(dir, `${channel}.jsonl`), "utf8")
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return []
    throw e
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxEntry)
}
