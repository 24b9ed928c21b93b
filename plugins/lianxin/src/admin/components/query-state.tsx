import { Container, Text } from "@medusajs/ui"

/** A page's load failure (the server's message) or its loading line, in Chinese. */
export function QueryState({ error }: { error?: string }) {
  return <Container>{error ? <Text className="text-ui-fg-error">{error}</Text> : <Text>加载中…</Text>}</Container>
}

/** An inline error line under a section header. */
export function ErrorLine({ error }: { error?: string }) {
  return error ? (
    <Text className="px-6 py-4 text-ui-fg-error" role="alert">
      {error}
    </Text>
  ) : null
}
