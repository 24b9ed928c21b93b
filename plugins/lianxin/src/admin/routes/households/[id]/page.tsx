import {
  Badge,
  Button,
  Container,
  Drawer,
  Heading,
  Input,
  Select,
  Switch,
  Table,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { ConsentBadge } from "../../../components/consent-badge"
import { Field } from "../../../components/field"
import {
  adminFetch,
  CONSENT_LABEL,
  FIELD_LABEL,
  formatTime,
  percent,
  POVERTY_LABEL,
  useAdminData,
  type AccessLog,
  type ConsentRecord,
  type HouseholdDetail,
  type MaskedRegistry,
} from "../../../lib/households-api"
import { HouseholdEarnings } from "../../../components/household-earnings"

/** The registry as this page reads it: the shared type plus the masked legal name (王**). */
type Registry = MaskedRegistry & { legal_name?: string | null }
const FIELD_LABELS: Record<string, string> = { legal_name: "真实姓名", ...FIELD_LABEL }

const HouseholdPage = () => {
  const { id } = useParams<{ id: string }>()
  const household = useAdminData<{ household: HouseholdDetail }>(`/admin/households/${id}`)
  const h = household.data?.household

  if (household.error) {
    return (
      <Container>
        <Text className="text-ui-fg-error">{household.error}</Text>
      </Container>
    )
  }
  if (!h) {
    return (
      <Container>
        <Text>加载中…</Text>
      </Container>
    )
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Profile household={h} onSaved={household.reload} />
      <Products household={h} />
      <HouseholdEarnings householdId={h.id} />
      <Consents householdId={h.id} onRecorded={household.reload} />
      <Registry householdId={h.id} consent={h.registry_data_consent} />
    </div>
  )
}

function Profile({ household: h, onSaved }: { household: HouseholdDetail; onSaved: () => void }) {
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
        <EditProfile household={h} onSaved={onSaved} />
      </div>
      <div className="grid grid-cols-2 gap-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Text size="small">公开资料同意</Text>
          <ConsentBadge granted={h.public_profile_consent} />
        </div>
        <div className="flex items-center gap-x-2">
          <Text size="small">登记信息同意</Text>
          <ConsentBadge granted={h.registry_data_consent} />
        </div>
        <Text size="small" className="col-span-2 whitespace-pre-wrap text-ui-fg-subtle">
          {h.story || "（没有故事）"}
        </Text>
        {h.photo_url ? <img src={h.photo_url} alt="" className="col-span-2 max-h-48 rounded-md object-cover" /> : null}
      </div>
    </Container>
  )
}

function EditProfile({ household: h, onSaved }: { household: HouseholdDetail; onSaved: () => void }) {
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState({ display_name: h.display_name, story: h.story ?? "", photo_url: h.photo_url ?? "" })
  const [saving, setSaving] = useState(false)
  useEffect(() => setForm({ display_name: h.display_name, story: h.story ?? "", photo_url: h.photo_url ?? "" }), [h])

  async function save() {
    setSaving(true)
    try {
      await adminFetch(`/admin/households/${h.id}`, {
        method: "POST",
        body: {
          display_name: form.display_name.trim(),
          story: form.story.trim() || null,
          photo_url: form.photo_url.trim() || null,
        },
      })
      toast.success("已保存")
      setOpen(false)
      onSaved()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          编辑资料
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>编辑资料</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Field label="显示名">
            <Input value={form.display_name} onChange={(e) => setForm({ ...form, display_name: e.target.value })} />
          </Field>
          <Field label="故事">
            <Textarea rows={6} value={form.story} onChange={(e) => setForm({ ...form, story: e.target.value })} />
          </Field>
          <Field label="照片地址">
            <Input value={form.photo_url} onChange={(e) => setForm({ ...form, photo_url: e.target.value })} />
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" isLoading={saving} onClick={save}>
            保存
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

function Products({ household: h }: { household: HouseholdDetail }) {
  const shares = h.attribution_shares.filter((s) => s.attribution?.product)
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">产品</Heading>
      </div>
      {shares.length ? (
        <Table>
          <Table.Body>
            {shares.map((s) => (
              <Table.Row key={s.attribution!.id}>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/products/${s.attribution!.product!.id}`}>
                    {s.attribution!.product!.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{s.attribution!.cooperative_id ? "经合作社" : "自产自销"}</Table.Cell>
                <Table.Cell>{percent(s.share_bp)}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{s.attribution!.product!.status}</Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          还没有产品归属到这户。在产品页的“生产者”卡片里设置。
        </Text>
      )}
    </Container>
  )
}

function Consents({ householdId, onRecorded }: { householdId: string; onRecorded: () => void }) {
  const list = useAdminData<{ consent_records: ConsentRecord[] }>(`/admin/households/${householdId}/consents`)
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState({
    kind: "public_profile",
    granted: true,
    method: "纸质签字",
    note: "",
    recorded_at: "",
  })
  const [saving, setSaving] = useState(false)

  async function record() {
    setSaving(true)
    try {
      const { registry_erased } = await adminFetch<{ registry_erased: boolean }>(
        `/admin/households/${householdId}/consents`,
        {
          method: "POST",
          body: {
            kind: form.kind,
            granted: form.granted,
            method: form.method.trim(),
            note: form.note.trim() || null,
            ...(form.recorded_at ? { recorded_at: new Date(form.recorded_at).toISOString() } : {}),
          },
        },
      )
      toast.success(registry_erased ? "已记录撤回，登记信息已删除" : "已记录")
      setOpen(false)
      list.reload()
      onRecorded()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">同意记录</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            只追加，不修改。每类以最新的一条为准。
          </Text>
        </div>
        <Drawer open={open} onOpenChange={setOpen}>
          <Drawer.Trigger asChild>
            <Button size="small" variant="secondary">
              记录同意 / 撤回
            </Button>
          </Drawer.Trigger>
          <Drawer.Content>
            <Drawer.Header>
              <Drawer.Title>记录同意 / 撤回</Drawer.Title>
            </Drawer.Header>
            <Drawer.Body className="flex flex-col gap-y-4">
              <Field label="类别">
                <Select value={form.kind} onValueChange={(kind) => setForm({ ...form, kind })}>
                  <Select.Trigger>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {Object.entries(CONSENT_LABEL).map(([k, label]) => (
                      <Select.Item key={k} value={k}>
                        {label}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </Field>
              <Field
                label={form.granted ? "同意" : "撤回同意"}
                hint={
                  !form.granted && form.kind === "registry_data"
                    ? "撤回登记信息同意会立即删除已存的登记信息。"
                    : undefined
                }
              >
                <Switch checked={form.granted} onCheckedChange={(granted) => setForm({ ...form, granted })} />
              </Field>
              <Field label="方式" hint="例如：纸质签字、口头+见证">
                <Input value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })} />
              </Field>
              <Field label="时间（可选，默认现在）">
                <Input
                  type="datetime-local"
                  value={form.recorded_at}
                  onChange={(e) => setForm({ ...form, recorded_at: e.target.value })}
                />
              </Field>
              <Field label="备注">
                <Textarea value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
              </Field>
            </Drawer.Body>
            <Drawer.Footer>
              <Button size="small" isLoading={saving} disabled={!form.method.trim()} onClick={record}>
                记录
              </Button>
            </Drawer.Footer>
          </Drawer.Content>
        </Drawer>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>时间</Table.HeaderCell>
            <Table.HeaderCell>类别</Table.HeaderCell>
            <Table.HeaderCell>结果</Table.HeaderCell>
            <Table.HeaderCell>方式</Table.HeaderCell>
            <Table.HeaderCell>备注</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(list.data?.consent_records ?? []).map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{formatTime(r.recorded_at)}</Table.Cell>
              <Table.Cell>{CONSENT_LABEL[r.kind]}</Table.Cell>
              <Table.Cell>
                <ConsentBadge granted={r.granted} />
              </Table.Cell>
              <Table.Cell>{r.method}</Table.Cell>
              <Table.Cell>{r.note ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

function Registry({ householdId, consent }: { householdId: string; consent: boolean }) {
  const registry = useAdminData<{ registry: Registry | null }>(`/admin/households/${householdId}/registry`)
  const logs = useAdminData<{ access_logs: AccessLog[] }>(`/admin/households/${householdId}/registry/access-logs`)
  const r = registry.data?.registry
  const refresh = () => {
    registry.reload()
    logs.reload()
  }
  useEffect(() => {
    registry.reload()
    // A consent withdrawal erases the data: reload when the flag changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consent])

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">登记信息</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            敏感个人信息，加密存储，默认打码。查看原文会记录查看人、时间和理由。
          </Text>
        </div>
        {consent ? <SetRegistry householdId={householdId} onSaved={refresh} replacing={!!r} /> : null}
      </div>
      {!consent ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          没有登记信息同意记录，不能存储登记信息。
        </Text>
      ) : !r ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          尚未录入。
        </Text>
      ) : (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Row
            label="真实姓名"
            value={r.legal_name ?? "-"}
            reveal={
              r.legal_name ? <Reveal householdId={householdId} field="legal_name" onRevealed={logs.reload} /> : null
            }
          />
          <Row label="帮扶身份" value={POVERTY_LABEL[r.poverty_status]} />
          <Row
            label="身份证号"
            value={r.national_id}
            reveal={<Reveal householdId={householdId} field="national_id" onRevealed={logs.reload} />}
          />
          <Row
            label="手机号"
            value={r.phone ?? "-"}
            reveal={r.phone ? <Reveal householdId={householdId} field="phone" onRevealed={logs.reload} /> : null}
          />
          <Row label="开户行" value={r.bank_name ?? "-"} />
          <Row
            label="银行账号"
            value={r.bank_account ?? "-"}
            reveal={
              r.bank_account ? <Reveal householdId={householdId} field="bank_account" onRevealed={logs.reload} /> : null
            }
          />
        </div>
      )}
      <div className="px-6 py-4">
        <Heading level="h3">查看记录</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>时间</Table.HeaderCell>
            <Table.HeaderCell>字段</Table.HeaderCell>
            <Table.HeaderCell>理由</Table.HeaderCell>
            <Table.HeaderCell>查看人</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(logs.data?.access_logs ?? []).map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{formatTime(l.accessed_at)}</Table.Cell>
              <Table.Cell>{FIELD_LABELS[l.field] ?? l.field}</Table.Cell>
              <Table.Cell>{l.reason}</Table.Cell>
              <Table.Cell className="font-mono">{l.actor_id}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

function Row({ label, value, reveal }: { label: string; value: string; reveal?: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr_auto] items-center gap-x-4">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small" className="font-mono">
        {value}
      </Text>
      {reveal ?? <span />}
    </div>
  )
}

/** Asks for a reason, reveals one field for 30 seconds, and never stores it anywhere but component state. */
function Reveal({ householdId, field, onRevealed }: { householdId: string; field: string; onRevealed: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("")
  const [value, setValue] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (value === null) return
    const t = setTimeout(() => setValue(null), 30_000)
    return () => clearTimeout(t)
  }, [value])

  async function reveal() {
    setBusy(true)
    try {
      const { reveal } = await adminFetch<{ reveal: { value: string } }>(
        `/admin/households/${householdId}/registry/reveal`,
        {
          method: "POST",
          body: { field, reason: reason.trim() },
        },
      )
      setValue(reveal.value)
      setReason("")
      onRevealed()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

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
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="transparent">
          查看原文
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>查看{FIELD_LABELS[field]}原文</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small">这次查看会被记录（你的账号、时间、理由）。原文显示 30 秒后自动隐藏。</Text>
          <Field label="理由" hint="例如：核对分成打款账户">
            <Textarea value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Button
            size="small"
            isLoading={busy}
            disabled={reason.trim().length < 4}
            onClick={async () => {
              await reveal()
              setOpen(false)
            }}
          >
            记录并查看
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

function SetRegistry({
  householdId,
  onSaved,
  replacing,
}: {
  householdId: string
  onSaved: () => void
  replacing: boolean
}) {
  const empty = { legal_name: "", poverty_status: "registered", national_id: "", phone: "", bank_name: "", account: "" }
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState(empty)
  const [saving, setSaving] = useState(false)

  async function save() {
    setSaving(true)
    try {
      await adminFetch(`/admin/households/${householdId}/registry`, {
        method: "POST",
        body: {
          legal_name: form.legal_name.trim() || null,
          poverty_status: form.poverty_status,
          national_id: form.national_id.trim(),
          phone: form.phone.trim() || null,
          bank: form.account.trim() ? { bank_name: form.bank_name.trim(), account: form.account.trim() } : null,
        },
      })
      toast.success("已加密保存")
      setForm(empty)
      setOpen(false)
      onSaved()
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer
      open={open}
      onOpenChange={(o) => {
        setOpen(o)
        if (!o) setForm(empty)
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          {replacing ? "替换登记信息" : "录入登记信息"}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{replacing ? "替换登记信息" : "录入登记信息"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          {replacing ? <Text size="small">保存后将整体替换现有登记信息。</Text> : null}
          <Field label="真实姓名（可选）" hint="与身份证一致，分成打款的收款人户名">
            <Input
              autoComplete="off"
              value={form.legal_name}
              onChange={(e) => setForm({ ...form, legal_name: e.target.value })}
            />
          </Field>
          <Field label="帮扶身份">
            <Select
              value={form.poverty_status}
              onValueChange={(poverty_status) => setForm({ ...form, poverty_status })}
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(POVERTY_LABEL).map(([k, label]) => (
                  <Select.Item key={k} value={k}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field label="身份证号" hint="18 位，最后一位校验码会核对">
            <Input
              autoComplete="off"
              value={form.national_id}
              onChange={(e) => setForm({ ...form, national_id: e.target.value })}
            />
          </Field>
          <Field label="手机号（可选）">
            <Input
              autoComplete="off"
              value={form.phone}
              onChange={(e) => setForm({ ...form, phone: e.target.value })}
            />
          </Field>
          <Field label="开户行（可选）">
            <Input
              autoComplete="off"
              value={form.bank_name}
              onChange={(e) => setForm({ ...form, bank_name: e.target.value })}
            />
          </Field>
          <Field label="银行账号（可选）" hint="12–19 位数字">
            <Input
              autoComplete="off"
              value={form.account}
              onChange={(e) => setForm({ ...form, account: e.target.value })}
            />
          </Field>
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" isLoading={saving} disabled={!form.national_id.trim()} onClick={save}>
            加密保存
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

export default HouseholdPage
