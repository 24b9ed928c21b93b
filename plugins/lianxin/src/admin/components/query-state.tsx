import { Container, Text } from "@medusajs/ui"
import { useT } from "../lib/i18n"

/** A page's load failure (the server's message) or its loading line, in the operator's language. */
export function QueryState({ error }: { error?: string }) {
  const { t } = useT()
  return (
    <Container>
      {error ? <Text className="text-ui-fg-error">{error}</Text> : <Text>{t("common.loading")}</Text>}
    </Container>
  )
}

/** An inline error line under a section header. */
export function ErrorLine({ error }: { error?: string }) {
  return error ? (
    <Text className="px-6 py-4 text-ui-fg-error" role="alert">
      {error}
    </Text>
  ) : null
}
