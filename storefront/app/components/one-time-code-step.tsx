import type { ReactNode } from "react"
import { Form } from "react-router"
import type { MessageKey } from "../lib/i18n"
import { FormField } from "./form-field"

/**
 * The second step of every sign-in or claim by a one-time code (SMS or email):
 * what was sent where, the six-digit code field (the phone offers the code it
 * just received), and the button that posts it. A plain form post, so it
 * works before JavaScript loads. Used by /account/login and /account (找回订单).
 */
export function OneTimeCodeStep({
  hidden,
  sent,
  label,
  error,
  errorParams,
  intent,
  submitLabel,
  submitting,
  buttonClass,
  children,
}: {
  /** What the first step posted and the second must post again (the mobile or contact, where to go next). */
  hidden: Record<string, string>
  /** "验证码已发送至 138****8000" in the page's language. */
  sent: string
  label: string
  error?: MessageKey
  errorParams?: Record<string, string | number>
  intent: string
  submitLabel: string
  submitting: boolean
  buttonClass: string
  /** Further actions beside the button (another contact, resend). */
  children?: ReactNode
}) {
  return (
    <Form method="post" noValidate className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p role="status" className="text-sm text-emerald-900">
        {sent}
      </p>
      <FormField
        name="code"
        label={label}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={error}
        errorParams={errorParams}
        required
        autoFocus
      />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" name="intent" value={intent} disabled={submitting} className={buttonClass}>
          {submitLabel}
        </button>
        {children}
      </div>
    </Form>
  )
}
