import { Button, Drawer } from "@medusajs/ui"
import { type FormEvent, type ReactNode, useState } from "react"
import { useT } from "../lib/i18n"

/**
 * The one drawer for every form of our admin pages: a trigger button (or an
 * `open` the caller controls), a title, the fields, Cancel and the submit
 * button that shows the request in flight. Submitting runs `onSubmit`; the
 * drawer closes when it resolves to anything but `false` (a mutation that
 * failed has already said why in a toast, and the form stays open).
 */
export function FormDrawer({
  title,
  trigger,
  triggerVariant = "secondary",
  open: controlledOpen,
  onOpenChange,
  submitLabel,
  submitVariant = "primary",
  submitting,
  canSubmit = true,
  onSubmit,
  children,
}: {
  title: ReactNode
  /** The label of the button that opens the drawer; omit when the caller controls `open`. */
  trigger?: ReactNode
  triggerVariant?: "primary" | "secondary" | "transparent"
  open?: boolean
  onOpenChange?: (open: boolean) => void
  submitLabel: ReactNode
  submitVariant?: "primary" | "danger"
  submitting: boolean
  canSubmit?: boolean
  onSubmit: () => Promise<unknown>
  children: ReactNode
}) {
  const { t } = useT()
  const [ownOpen, setOwnOpen] = useState(false)
  const open = controlledOpen ?? ownOpen
  const setOpen = (next: boolean) => {
    if (controlledOpen === undefined) setOwnOpen(next)
    onOpenChange?.(next)
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (submitting || !canSubmit) return
    try {
      if ((await onSubmit()) !== false) setOpen(false)
    } catch {
      // The mutation reported the failure; the drawer stays open with what was typed.
    }
  }
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      {trigger ? (
        <Drawer.Trigger asChild>
          <Button size="small" variant={triggerVariant}>
            {trigger}
          </Button>
        </Drawer.Trigger>
      ) : null}
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("common.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" variant={submitVariant} isLoading={submitting} disabled={!canSubmit}>
              {submitLabel}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
