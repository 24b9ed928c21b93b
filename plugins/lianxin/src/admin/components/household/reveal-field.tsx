import { Button, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useT } from "../../lib/i18n"
import { useAdminMutation } from "../../lib/query"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"
import { REGISTRY_FIELD_KEY } from "./registry-labels"

/** Asks for a reason, reveals one field for 30 seconds, and never stores it anywhere but component state. */
export function RevealField({ householdId, field }: { householdId: string; field: string }) {
  const { t } = useT()
  const [reason, setReason] = useState("")
  const [value, setValue] = useState<string | null>(null)
  const reveal = useAdminMutation<{ field: string; reason: string }, { reveal: { value: string } }>({
    path: () => `/admin/households/${householdId}/registry/reveal`,
    // The reveal is logged: the access log below shows it.
    invalidates: [`/admin/households/${householdId}/registry/access-logs`],
    onSuccess: ({ reveal }) => {
      setValue(reveal.value)
      setReason("")
    },
  })

  useEffect(() => {
    if (value === null) return
    const t = setTimeout(() => setValue(null), 30_000)
    return () => clearTimeout(t)
  }, [value])

  if (value !== null) {
    return (
      <div className="flex items-center gap-x-2">
        <Text size="small" className="font-mono text-ui-fg-base">
          {value}
        </Text>
        <Button size="small" variant="transparent" onClick={() => setValue(null)}>
          {t("household.hide")}
        </Button>
      </div>
    )
  }
  return (
    <FormDrawer
      title={t("household.revealTitle", { field: REGISTRY_FIELD_KEY[field] ? t(REGISTRY_FIELD_KEY[field]) : field })}
      trigger={t("household.reveal")}
      triggerVariant="transparent"
      submitLabel={t("household.revealSubmit")}
      submitting={reveal.isPending}
      canSubmit={reason.trim().length >= 4}
      onSubmit={() => reveal.mutateAsync({ field, reason: reason.trim() })}
    >
      <Text size="small">{t("household.revealHint")}</Text>
      <Field label={t("household.reason")} hint={t("household.reasonHint")}>
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDrawer>
  )
}
