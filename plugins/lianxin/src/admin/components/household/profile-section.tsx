import { Container, Heading, Input, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { HouseholdDetail } from "../../lib/households"
import { useT } from "../../lib/i18n"
import { useAdminMutation } from "../../lib/query"
import { ConsentBadge } from "../consent-badge"
import { Field } from "../field"
import { FormDrawer } from "../form-drawer"

/** The household's code, name, place, consents at a glance, story and photo, with the profile editor. */
export function ProfileSection({ household: h }: { household: HouseholdDetail }) {
  const { t } = useT()
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">
            <span className="font-mono">{h.code}</span> · {h.display_name}
          </Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {h.village ? `${h.village.province} ${h.village.county} ${h.village.name}` : ""}
            {h.cooperative ? ` · ${h.cooperative.name}` : ""}
          </Text>
        </div>
        <EditProfile household={h} />
      </div>
      <div className="grid grid-cols-2 gap-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Text size="small">{t("household.publicConsent")}</Text>
          <ConsentBadge granted={h.public_profile_consent} />
        </div>
        <div className="flex items-center gap-x-2">
          <Text size="small">{t("household.registryConsent")}</Text>
          <ConsentBadge granted={h.registry_data_consent} />
        </div>
        <Text size="small" className="col-span-2 whitespace-pre-wrap text-ui-fg-subtle">
          {h.story || t("household.noStory")}
        </Text>
        {h.photo_url ? <img src={h.photo_url} alt="" className="col-span-2 max-h-48 rounded-md object-cover" /> : null}
      </div>
    </Container>
  )
}

function EditProfile({ household: h }: { household: HouseholdDetail }) {
  const { t } = useT()
  const current = () => ({ display_name: h.display_name, story: h.story ?? "", photo_url: h.photo_url ?? "" })
  const [form, setForm] = useState(current)
  const save = useAdminMutation<typeof form>({
    path: () => `/admin/households/${h.id}`,
    body: (f) => ({
      display_name: f.display_name.trim(),
      story: f.story.trim() || null,
      photo_url: f.photo_url.trim() || null,
    }),
    invalidates: [`/admin/households/${h.id}`],
    success: t("common.saved"),
  })

  return (
    <FormDrawer
      title={t("household.editProfile")}
      trigger={t("household.editProfile")}
      // Opening starts from the household as it is now (also after someone else changed it).
      onOpenChange={(open) => open && setForm(current())}
      submitLabel={t("common.save")}
      submitting={save.isPending}
      onSubmit={() => save.mutateAsync(form)}
    >
      <Field label={t("household.displayName")}>
        <Input value={form.display_name} onChange={(e) => setForm({ ...form, display_name: e.target.value })} />
      </Field>
      <Field label={t("household.story")}>
        <Textarea rows={6} value={form.story} onChange={(e) => setForm({ ...form, story: e.target.value })} />
      </Field>
      <Field label={t("household.photoUrl")}>
        <Input value={form.photo_url} onChange={(e) => setForm({ ...form, photo_url: e.target.value })} />
      </Field>
    </FormDrawer>
  )
}
