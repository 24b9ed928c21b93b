import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { nowOf } from "../../utils/clock"
import { notifyService } from "./steps/service"

export type MarkNotifyMessagesReadInput = {
  recipient_type: "customer" | "staff"
  recipient_id: string
  /** The messages to mark; without ids, every unread one. */
  ids?: string[]
  now?: Date | string
}

const markReadStep = createStep(
  "mark-notify-messages-read",
  async (input: MarkNotifyMessagesReadInput, { container }) => {
    const ids = await notifyService(container).markRead({
      recipient_type: input.recipient_type,
      recipient_id: input.recipient_id,
      ids: input.ids,
      now: input.now ? new Date(input.now) : nowOf(container),
    })
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await notifyService(container).markUnread(ids)
  }
)

/** A resident or staff member read messages under 消息: only their own can change. */
export const markNotifyMessagesReadWorkflow = createWorkflow(
  "mark-notify-messages-read",
  (input: MarkNotifyMessagesReadInput) => new WorkflowResponse(markReadStep(input))
)

export type SetNotifyPreferenceInput = {
  recipient_type: "customer" | "staff"
  recipient_id: string
  email?: boolean
  sms?: boolean
  locale?: "zh-CN" | "en"
}

type PreferenceRow = { id: string; email: boolean; sms: boolean; locale: "zh-CN" | "en" }
type PreferenceUndo = { before: PreferenceRow | null; created: string | null }

const setPreferenceStep = createStep(
  "set-notify-preference",
  async (input: SetNotifyPreferenceInput, { container }) => {
    const svc = notifyService(container)
    const [existing] = await svc.listNotifyPreferences(
      { recipient_type: input.recipient_type, recipient_id: input.recipient_id },
      { take: 1 }
    )
    const change = {
      ...(input.email === undefined ? {} : { email: input.email }),
      ...(input.sms === undefined ? {} : { sms: input.sms }),
      ...(input.locale === undefined ? {} : { locale: input.locale }),
    }
    if (existing) {
      const before: PreferenceRow = {
        id: existing.id,
        email: existing.email,
        sms: existing.sms,
        locale: existing.locale as PreferenceRow["locale"],
      }
      const updated = await svc.updateNotifyPreferences({ id: existing.id, ...change })
      const undo: PreferenceUndo = { before, created: null }
      return new StepResponse(updated as unknown as PreferenceRow, undo)
    }
    const created = await svc.createNotifyPreferences({
      recipient_type: input.recipient_type,
      recipient_id: input.recipient_id,
      ...change,
    })
    const undo: PreferenceUndo = { before: null, created: created.id }
    return new StepResponse(created as unknown as PreferenceRow, undo)
  },
  async (comp, { container }) => {
    if (!comp) return
    const svc = notifyService(container)
    if (comp.created) await svc.deleteNotifyPreferences([comp.created])
    if (comp.before) await svc.updateNotifyPreferences(comp.before)
  }
)

/**
 * A resident's (or staff member's) channels and language for messages.
 * In-app messages cannot be turned off: they are the record under 消息.
 */
export const setNotifyPreferenceWorkflow = createWorkflow(
  "set-notify-preference",
  (input: SetNotifyPreferenceInput) => new WorkflowResponse(setPreferenceStep(input))
)

const requeueStep = createStep(
  "requeue-notify-message",
  async (input: { id: string; now?: Date | string }, { container }) => {
    const svc = notifyService(container)
    const before = await svc.messageById(input.id)
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `message ${input.id} was not found`)
    const row = await svc.requeue({ id: input.id, now: input.now ? new Date(input.now) : nowOf(container) })
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `message ${input.id} is ${before.status}; only failed or dead messages can be sent again`
      )
    }
    return new StepResponse(row)
  }
)

/**
 * An operator sends a failed or dead message again (Medusa Admin, 通知): it is
 * due at once with three more attempts; the notify-deliver job sends it.
 */
export const requeueNotifyMessageWorkflow = createWorkflow(
  "requeue-notify-message",
  (input: { id: string; now?: Date | string }) => new WorkflowResponse(requeueStep(input))
)
