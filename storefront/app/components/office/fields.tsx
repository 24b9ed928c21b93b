import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react"
import type { MessageKey } from "../../lib/i18n"
import { useT } from "../../lib/use-i18n"

/** Select, textarea and checkbox with their label and error, wired like FormField. */
function FieldError({ id, error }: { id: string; error?: MessageKey }) {
  const t = useT()
  return error ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {t(error)}
    </p>
  ) : null
}

const box = (error?: MessageKey) =>
  `mt-1 block min-h-12 w-full rounded-lg border bg-white px-3 text-base ${error ? "border-red-600" : "border-stone-300"}`

export function SelectField({
  name,
  label,
  error,
  children,
  ...select
}: { name: string; label: string; error?: MessageKey; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `field-${name}`
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={box(error)}
        {...select}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

export function TextAreaField({
  name,
  label,
  error,
  ...area
}: { name: string; label: string; error?: MessageKey } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `field-${name}`
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${box(error)} py-2`}
        {...area}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

export function CheckboxField({
  name,
  label,
  error,
  ...input
}: { name: string; label: string; error?: MessageKey } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`
  return (
    <div>
      <label htmlFor={id} className="flex min-h-12 items-center gap-3 text-base">
        <input
          id={id}
          name={name}
          type="checkbox"
          className="size-6 shrink-0 accent-emerald-700"
          aria-describedby={error ? `${id}-error` : undefined}
          {...input}
        />
        {label}
      </label>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}
