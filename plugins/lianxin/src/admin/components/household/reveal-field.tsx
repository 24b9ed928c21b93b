import { Button, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useAdminMutation } from "../../lib/query"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"
import { REGISTRY_FIELD_LABEL } from "./registry-labels"

/** Asks for a reason, reveals one field for 30 seconds, and never stores it anywhere but component state. */
export function RevealField({ householdId, field }: { householdId: string; field: string }) {
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
          隐藏
        </Button>
      </div>
    )
  }
  return (
    <FormDrawer
      title={`查看${REGISTRY_FIELD_LABEL[field]}原文`}
      trigger="查看原文"
      triggerVariant="transparent"
      submitLabel="记录并查看"
      submitting={reveal.isPending}
      canSubmit={reason.trim().length >= 4}
      onSubmit={() => reveal.mutateAsync({ field, reason: reason.trim() })}
    >
      <Text size="small">这次查看会被记录（你的账号、时间、理由）。原文显示 30 秒后自动隐藏。</Text>
      <Field label="理由" hint="例如：核对分成打款账户">
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDrawer>
  )
}
