import type { InputHTMLAttributes } from "react"
import type { MessageKey } from "../lib/i18n"
import { useT } from "../lib/use-i18n"

/**
 * A labelled input with its hint and its error, wired for screen readers
 * (aria-invalid, aria-describedby). The error is a key: it follows the language.
 */
export function FormField({
  name,
  label,
  error,
  errorParams,
  hint,
  className = "",
  ...input
}: {
  name: string
  label: string
  error?: MessageKey
  errorParams?: Record<string, string | number>
  hint?: string
} & InputHTMLAttributes<HTMLInputElement>) {
  const t = useT()
  const id = input.id ?? `field-${name}`
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 text-base focus:outline-2 focus:outline-offset-1 focus:outline-emerald-700 ${error ? "border-red-600" : "border-stone-300"}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {t(error, errorParams)}
        </p>
      ) : null}
    </div>
  )
}

/** A form-level problem (not tied to one field), announced when it appears. */
export function FormAlert({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {children}
    </p>
  )
}

/** A quiet confirmation after a successful post (?notice=…). */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
      {children}
    </p>
  )
}
