import type { ButtonHTMLAttributes, ReactNode } from "react"
import { useNavigation } from "react-router"

/**
 * A large submit button that disables itself while its form is being sent,
 * so a second tap at the counter does not send it twice (the backend is
 * idempotent as well, for the no-JavaScript case).
 */
export function SubmitButton({
  children,
  intent,
  tone = "primary",
  className = "",
  ...rest
}: {
  children: ReactNode
  intent?: string
  tone?: "primary" | "secondary" | "danger"
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  const navigation = useNavigation()
  const busy =
    navigation.state === "submitting" && (intent === undefined || navigation.formData?.get("intent") === intent)
  const colours =
    tone === "primary"
      ? "bg-emerald-700 text-white hover:bg-emerald-800"
      : tone === "danger"
        ? "bg-red-700 text-white hover:bg-red-800"
        : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
  return (
    <button
      type="submit"
      {...(intent ? { name: "intent", value: intent } : {})}
      disabled={busy || rest.disabled}
      aria-disabled={busy || undefined}
      className={`flex min-h-12 w-full items-center justify-center rounded-xl px-4 text-base font-medium disabled:opacity-60 sm:w-auto ${colours} ${className}`}
      {...rest}
    >
      {children}
    </button>
  )
}
