import { useEffect, useState, type ChangeEvent, type FocusEvent, type FormEvent } from "react"
import type { $ZodType } from "zod/v4/core"
import { parseForm, type FieldErrors } from "./forms"

/**
 * Client-side hints from the same schema the action enforces: a field is
 * checked when the resident leaves it, the whole form before it is sent. The
 * server answer (serverErrors) replaces them after a post. Without JavaScript
 * none of this runs and the server's errors show at the same places.
 *
 * Errors appear on blur but disappear only while typing: changing the layout
 * at the moment someone taps "submit" would move the button from under their
 * finger and swallow the tap.
 */
export function useFormHints(schema: $ZodType, serverErrors: FieldErrors | undefined) {
  const [errors, setErrors] = useState<FieldErrors>(serverErrors ?? {})
  useEffect(() => setErrors(serverErrors ?? {}), [serverErrors])

  function check(form: HTMLFormElement): FieldErrors {
    const result = parseForm(schema, new FormData(form))
    return result.ok ? {} : result.errors
  }

  return {
    errors,
    onBlur(event: FocusEvent<HTMLFormElement>) {
      const target = event.target as unknown as HTMLInputElement
      const next = event.relatedTarget as HTMLElement | null
      // Leaving a field for the submit button: onSubmit checks everything anyway.
      if (next instanceof HTMLButtonElement && next.type === "submit" && next.form === event.currentTarget) return
      if (!target.name || target.value === "") return
      const problem = check(event.currentTarget)[target.name]
      if (problem) setErrors((current) => ({ ...current, [target.name]: problem }))
    },
    onChange(event: ChangeEvent<HTMLFormElement>) {
      const target = event.target as unknown as HTMLInputElement
      if (!target.name || !errors[target.name]) return
      const problem = check(event.currentTarget)[target.name]
      setErrors((current) => ({ ...current, [target.name]: problem }))
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const found = check(event.currentTarget)
      if (Object.keys(found).length === 0) return
      event.preventDefault()
      setErrors(found)
      const first = event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)
      first?.focus()
    },
  }
}
