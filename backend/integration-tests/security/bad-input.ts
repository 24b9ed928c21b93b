/**
 * Malformed variants of a request, for the bad-input sweep
 * (http/security-bad-input.spec.ts). Each variant says what it breaks and
 * what the answer must be: every answer below 500, and where `guard` is set,
 * 400 `invalid_data` naming a field (the input guard's promise for every
 * route, ours and Medusa's).
 */
export type Probe = {
  name: string
  method: string
  target: string
  headers: Record<string, string>
  body?: string | Buffer
  /** The input guard (or the route's validation) must answer 400 naming a field. */
  mustBe400WithField?: boolean
  /** A well-typed route must refuse this (4xx); a 400 must name one of these fields in `field` or its message. */
  mustBeRefusedNaming?: string[]
}

export type SweepRoute = {
  /** "GET /store/products/:id" */
  route: string
  target: string
  headers: Record<string, string>
  /** A well-formed JSON body for the route (POST); variants break it. */
  body?: unknown
  /** multipart routes get only content-type variants for their body. */
  multipart?: boolean
}

const withQuery = (target: string, query: string) => `${target}${target.includes("?") ? "&" : "?"}${query}`

/** Indexes of the path segments that are route parameters (`:id`). */
function paramSegments(route: string) {
  const path = route.split(" ")[1]
  return path
    .split("/")
    .map((s, i) => (s.startsWith(":") ? i : -1))
    .filter((i) => i >= 0)
}

function replaceSegment(target: string, index: number, replace: (value: string) => string) {
  const q = target.indexOf("?")
  const path = q === -1 ? target : target.slice(0, q)
  const query = q === -1 ? "" : target.slice(q)
  const segments = path.split("/")
  segments[index] = replace(segments[index])
  return segments.join("/") + query
}

/** Every string in a JSON value replaced. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value)
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f))
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]))
  return value
}

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`

export function probesFor(r: SweepRoute): Probe[] {
  const method = r.route.split(" ")[0]
  const probe = (name: string, target: string, extra: Partial<Probe> = {}): Probe => ({
    name,
    method,
    target,
    headers: r.headers,
    body: method === "GET" ? undefined : r.multipart ? undefined : JSON.stringify(r.body ?? {}),
    ...extra,
  })
  const probes: Probe[] = []

  // ── path: every route parameter broken in the ways the issue found ──
  for (const index of paramSegments(r.route)) {
    const at = (name: string, f: (v: string) => string, guard = true) =>
      probes.push(
        probe(`path param ${index}: ${name}`, replaceSegment(r.target, index, f), { mustBe400WithField: guard })
      )
    at("NUL appended", (v) => `${v}%00`)
    at("NUL alone", () => "%00")
    at("invalid UTF-8", () => "%C3%28")
    at("overlong UTF-8 NUL", () => "%C0%80")
    at("truncated percent-encoding", () => "%E0%A4%A")
    at("not a percent-encoding", (v) => `${v}%ZZ`)
    at("control character", (v) => `${v}%01`)
    at("lone surrogate (CESU)", () => "%ED%A0%80")
    // Well-formed but absurd: no guard promise, only "not 5xx".
    at("10 000 characters", () => "x".repeat(10_000), false)
    at("huge number", () => "99999999999999999999999999999", false)
    at("dot segments", () => "..%2F..%2Fetc%2Fpasswd", false)
  }

  // ── query: paging and strings ──
  const q = (name: string, query: string, guard = true) =>
    probes.push(probe(`query: ${name}`, withQuery(r.target, query), { mustBe400WithField: guard }))
  q("limit=-1", "limit=-1")
  q("offset=10^20", "offset=99999999999999999999")
  q("limit not a number", "limit=abc")
  q("limit as array", "limit[]=1&limit[]=2")
  q("limit 1e309", "limit=1e309")
  q("NUL in q", "q=%00")
  q("invalid UTF-8 in q", "q=%C3%28")
  q("malformed percent in q", "q=%E0%A4%A")
  q("NUL in a parameter name", "a%00b=1")
  q("invalid UTF-8 in fields", "fields=%FF")
  q("prototype pollution", "__proto__[polluted]=1&constructor[prototype][polluted]=1", false)
  q("deeply nested parameter", `${"a".concat("[b]".repeat(40))}=1`, false)
  q("q as object", "q[a]=1&q[b][c]=2", false)
  q("1 500-character q", `q=${"%E8%8B%B9".repeat(1_500)}`, false)

  // ── body (writes) ──
  if (method !== "GET" && !r.multipart) {
    const body = (r.body ?? {}) as Record<string, unknown>
    const b = (name: string, raw: string | Buffer, extra: Partial<Probe> = {}) =>
      probes.push(probe(`body: ${name}`, r.target, { body: raw, ...extra }))
    b("NUL in a field name", JSON.stringify({ "a\u0000b": 1, ...body }), { mustBe400WithField: true })
    if (JSON.stringify(body).includes('"')) {
      const strings = JSON.stringify(mapStrings(body, (s) => `${s}\u0000`))
      if (strings.includes("\\u0000")) b("NUL in every string", strings, { mustBe400WithField: true })
      const surrogate = JSON.stringify(mapStrings(body, (s) => `${s}@@LONE@@`)).replace(/@@LONE@@/g, "\\ud800")
      if (surrogate.includes("\\ud800")) b("lone surrogate in every string", surrogate, { mustBe400WithField: true })
    }
    b(
      "invalid UTF-8 bytes",
      Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')])
    )
    b("truncated JSON", '{"a":')
    b("JSON null", "null")
    b("JSON array", "[]")
    b("JSON string", '"hello"')
    b("empty body", "")
    b("2 000-deep array", nested(2_000))
    b("2 000-deep object", nestedObject(2_000))
    b("1.5 MB string", JSON.stringify({ ...body, padding: "长".repeat(500_000) }))
    b(
      "prototype pollution keys",
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(body).slice(1)}`.replace(
        /,}$/,
        "}"
      )
    )
    b("wrong content-type (text/plain)", JSON.stringify(body), {
      headers: { ...r.headers, "content-type": "text/plain" },
    })
    b("form-urlencoded", "a=1&b[c]=2&__proto__[x]=1", {
      headers: { ...r.headers, "content-type": "application/x-www-form-urlencoded" },
    })
    const keys = Object.keys(body)
    const refused = keys.length ? { mustBeRefusedNaming: keys } : {}
    b("numbers out of range", JSON.stringify(Object.fromEntries(keys.map((k) => [k, 1e308]))), refused)
    b("negative numbers", JSON.stringify(Object.fromEntries(keys.map((k) => [k, -1]))))
    b("objects for every field", JSON.stringify(Object.fromEntries(keys.map((k) => [k, { $gt: "" }]))), refused)
    b(
      "arrays for every field",
      JSON.stringify(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, [v, v]]))),
      refused
    )
    b("booleans for every field", JSON.stringify(Object.fromEntries(Object.keys(body).map((k) => [k, true]))))
  } else if (r.multipart) {
    const b = (name: string, raw: string, type: string) =>
      probes.push(probe(`body: ${name}`, r.target, { body: raw, headers: { ...r.headers, "content-type": type } }))
    b("JSON instead of multipart", '{"files":["x"]}', "application/json")
    b("multipart without boundary", "--x\r\n\r\n", "multipart/form-data")
    b(
      "truncated multipart",
      '--XB\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
      "multipart/form-data; boundary=XB"
    )
    b("empty multipart", "--XB--\r\n", "multipart/form-data; boundary=XB")
  }
  return probes
}
