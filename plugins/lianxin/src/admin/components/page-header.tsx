import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The head of every Lianxin page in Medusa Admin: its title, a line on what it is for, and its actions (filters, create). */
export function PageHeader({ title, subtitle, children }: { title: string; subtitle: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
      <div>
        <Heading level="h1">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {subtitle}
        </Text>
      </div>
      {children}
    </div>
  )
}
