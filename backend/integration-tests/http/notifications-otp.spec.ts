import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startTestSmtp } from "../helpers/smtp"

const nodeRequire = createRequire(import.meta.url)
const wf = nodeRequire("@lianxin/plugin/workflows")
const { readOutbox } = nodeRequire("@lianxin/plugin/utils/notify-outbox") as {
  readOutbox: (dir: string, channel: string) => Promise<{ to: string; text: string; template: string }[]>
}

// A real SMTP server and an SMS outbox for this file, known before the app reads its configuration.
const smtp = await startTestSmtp()
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-otp-outbox-"))
// The runner reads medusa-config before applying its `env` option: set them here.
Object.assign(process.env, {
  LIANXIN_SMTP_HOST: "127.0.0.1",
  LIANXIN_SMTP_PORT: String(smtp.port),
  LIANXIN_OUTBOX_DIR: outbox,
  LIANXIN_SMS_ADAPTER: "outbox",
})

medusaIntegrationTestRunner({
  inApp: true,
  testSuite: ({ getContainer, dbConnection }) => {
    const sql = async <T = any>(text: string, params: unknown[] = []) =>
      (await dbConnection.raw(text, params)).rows as T[]
    const send = (input: Record<string, unknown>) =>
      wf
        .sendOneTimeCodeWorkflow(getContainer())
        .run({ input })
        .then((r: { result: any }) => r.result)
    /** Everything Medusa's notification table and ours hold, as text. */
    const storedText = async () =>
      JSON.stringify([
        await sql(`SELECT row_to_json(n) AS r FROM notification n`),
        await sql(`SELECT row_to_json(m) AS r FROM notify_message m`),
      ])

    afterAll(async () => {
      await smtp.close()
      fs.rmSync(outbox, { recursive: true, force: true })
    })

    beforeEach(() => {
      smtp.received.length = 0
      smtp.failNext(0)
      fs.rmSync(path.join(outbox, "sms.jsonl"), { force: true })
    })

    it("sends a sign-in code by email through the Notification Module; the code and address are stored nowhere", async () => {
      const result = await send({
        channel: "email",
        to: "wang.fang@example.cn",
        code: "482913",
        purpose: "sign_in",
        ttl_minutes: 10,
        request_id: "chal_email_1",
      })
      expect(result).toMatchObject({ status: "sent", deduplicated: false, channel: "email", attempts: 1, error: null })
      expect(result.to_masked).toBe("w***@example.cn")

      const mails = smtp.to("wang.fang@example.cn")
      expect(mails).toHaveLength(1)
      expect(mails[0].subject).toBe("连心市集登录验证码")
      expect(mails[0].text).toContain("您的登录验证码是 482913，10 分钟内有效")
      expect(mails[0].html).toContain("482913")

      const [msg] = await sql(`SELECT * FROM notify_message WHERE id = ?`, [result.message_id])
      expect(msg).toMatchObject({ status: "sent", channel: "email", urgent: true, event: "otp.sign_in", attempts: 1 })
      expect(msg.body).toContain("••••••")
      const [attempt] = await sql(`SELECT * FROM notification WHERE id = ?`, [msg.notification_id])
      expect(attempt).toMatchObject({
        channel: "email",
        status: "success",
        to: "w***@example.cn",
        trigger_type: "otp.sign_in",
      })

      const stored = await storedText()
      expect(stored).not.toContain("482913")
      expect(stored).not.toContain("wang.fang@example.cn")
    })

    it("sends a verification code by SMS to the outbox, in English when asked; the number is stored masked only", async () => {
      const result = await send({
        channel: "sms",
        to: "+86 139-1234-5678",
        code: "7351",
        purpose: "verify_contact",
        ttl_minutes: 5,
        request_id: "chal_sms_1",
        locale: "en",
      })
      expect(result).toMatchObject({ status: "sent", to_masked: "139****5678" })
      const sms = await readOutbox(outbox, "sms")
      expect(sms).toHaveLength(1)
      expect(sms[0]).toMatchObject({ to: "13912345678", template: "otp_verify_contact" })
      expect(sms[0].text).toBe("Your Lianxin verification code is 7351, valid for 5 min. Do not share it.")
      const stored = await storedText()
      expect(stored).not.toContain("7351")
      expect(stored).not.toContain("13912345678")
    })

    it("sends once per request id, also when the same request arrives twice at the same time", async () => {
      const input = {
        channel: "email",
        to: "li.lei@example.cn",
        code: "111222",
        purpose: "sign_in",
        ttl_minutes: 10,
        request_id: "chal_twice",
      }
      const [a, b] = await Promise.all([send(input), send(input)])
      expect([a.deduplicated, b.deduplicated].sort()).toEqual([false, true])
      expect(a.message_id).toBe(b.message_id)
      const again = await send(input)
      expect(again).toMatchObject({ deduplicated: true, status: "sent", message_id: a.message_id })
      expect(smtp.to("li.lei@example.cn")).toHaveLength(1)
      expect(await sql(`SELECT id FROM notify_message WHERE idempotency_key = 'otp:chal_twice:email'`)).toHaveLength(1)
    })

    it("retries within the call when the SMTP server refuses, and reports a failure operators can see", async () => {
      smtp.failNext(1)
      const retried = await send({
        channel: "email",
        to: "zhao@example.cn",
        code: "909090",
        purpose: "sign_in",
        ttl_minutes: 10,
        request_id: "chal_retry",
      })
      expect(retried).toMatchObject({ status: "sent", attempts: 2 })
      expect(smtp.to("zhao@example.cn")).toHaveLength(1)
      const attempts = await sql(
        `SELECT status FROM notification WHERE idempotency_key LIKE ? ORDER BY idempotency_key`,
        [`${retried.message_id}:%`]
      )
      expect(attempts.map((a) => a.status)).toEqual(["failure", "success"])

      smtp.failNext(10)
      const failed = await send({
        channel: "email",
        to: "qian@example.cn",
        code: "808080",
        purpose: "sign_in",
        ttl_minutes: 10,
        request_id: "chal_down",
      })
      expect(failed).toMatchObject({ status: "failed", attempts: 3, deduplicated: false })
      expect(failed.error).toMatch(/451/)
      expect(failed.error).not.toContain("qian@example.cn")
      const [msg] = await sql(`SELECT status, attempts, last_error FROM notify_message WHERE id = ?`, [
        failed.message_id,
      ])
      expect(msg).toMatchObject({ status: "dead", attempts: 3 })
      expect(smtp.to("qian@example.cn")).toHaveLength(0)
      // Asking again with the same request id does not send a stale code later.
      smtp.failNext(0)
      expect(
        await send({
          channel: "email",
          to: "qian@example.cn",
          code: "808080",
          purpose: "sign_in",
          ttl_minutes: 10,
          request_id: "chal_down",
        })
      ).toMatchObject({ status: "failed", deduplicated: true })
      expect(smtp.to("qian@example.cn")).toHaveLength(0)
    })

    it("refuses bad input naming the field, and records nothing", async () => {
      const base = {
        channel: "sms",
        to: "13812345678",
        code: "123456",
        purpose: "sign_in",
        ttl_minutes: 10,
        request_id: "chal_bad",
      }
      await expect(send({ ...base, to: "12345" })).rejects.toThrow(/to must be a mainland China mobile number/)
      await expect(send({ ...base, channel: "email", to: "not-an-email" })).rejects.toThrow(
        /to must be an email address/
      )
      await expect(send({ ...base, code: "12ab" })).rejects.toThrow(/code must be 4 to 8 digits/)
      await expect(send({ ...base, ttl_minutes: 0 })).rejects.toThrow(/ttl_minutes/)
      await expect(send({ ...base, purpose: "reset" })).rejects.toThrow(/purpose/)
      expect(await sql(`SELECT id FROM notify_message`)).toHaveLength(0)
      expect(await readOutbox(outbox, "sms")).toHaveLength(0)
    })
  },
})
