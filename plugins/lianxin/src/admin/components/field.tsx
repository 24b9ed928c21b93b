import { Label, Text } from "@medusajs/ui"
import { cloneElement, isValidElement, type ReactElement, type ReactNode, useId } from "react"

/**
 * A labelled form control with an optional hint. A single control gets the label's id, so the label names it
 * (screen readers, and role/label locators in the browser tests).
 */
export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  const id = useId()
  const control =
    isValidElement(children) && !(children.props as { id?: string }).id
      ? cloneElement(children as ReactElement<{ id?: string }>, { id })
      : children
  return (
    <div className="flex flex-col gap-y-2">
      <Label size="small" weight="plus" htmlFor={id}>
        {label}
      </Label>
      {control}
      {hint ? (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
  )
}
