// Counts the SQL statements a Node process sends to PostgreSQL, for bench/checkout.mjs only: loaded into the
// backend with NODE_OPTIONS="--require …/pg-count.cjs" and LIANXIN_PG_COUNT_PORT, it wraps pg's Client#query
// (every copy of `pg` the process can load: knex's and MikroORM's) and answers GET http://127.0.0.1:<port>/
// with {"statements": n, "byVerb": {"SELECT": n, …}}. Only the `medusa start` process listens (migrations and
// the seed run before it in their own processes). Never loaded by npm start or the tests.
const http = require("node:http")
const path = require("node:path")

const port = Number(process.env.LIANXIN_PG_COUNT_PORT)
if (port && process.argv.includes("start")) {
  const counts = { statements: 0, byVerb: {} }
  // With LIANXIN_PG_COUNT_TEXTS=1: statements grouped by their text with literals and parameters taken out
  // (GET /texts), to see which statements a checkout repeats.
  const keepTexts = process.env.LIANXIN_PG_COUNT_TEXTS === "1"
  const byText = new Map()
  // …and by the workflow step that sent them (GET /sites): every step's invoke and compensate run inside an
  // AsyncLocalStorage naming it (the innermost step wins), set when Medusa's create-step module is first loaded.
  const bySite = new Map()
  const { AsyncLocalStorage } = require("node:async_hooks")
  const stepOf = new AsyncLocalStorage()
  if (keepTexts) {
    const Module = require("node:module")
    const load = Module._load
    Module._load = function loadNamingSteps(request, ...rest) {
      const loaded = load.call(this, request, ...rest)
      if (
        /create-step(\.js)?$/.test(request) &&
        typeof loaded?.createStep === "function" &&
        !loaded.createStep.__counted
      ) {
        const original = loaded.createStep
        const counted = (nameOrConfig, invokeFn, compensateFn) => {
          const name = (typeof nameOrConfig === "string" ? nameOrConfig : nameOrConfig?.name) ?? invokeFn?.name
          // The step's id in its workflow (a configured name such as useQueryGraphStep's "cart-query") and the workflow.
          const label = (context) =>
            `${context?.workflowId ?? context?.metadata?.model_id ?? "?"} › ${context?.metadata?.action ?? name}`
          const wrap = (fn) =>
            fn ? (input, context, ...a) => stepOf.run(label(context), () => fn(input, context, ...a)) : fn
          return original(nameOrConfig, wrap(invokeFn), wrap(compensateFn))
        }
        counted.__counted = true
        loaded.createStep = counted
      }
      return loaded
    }
  }
  const shape = (text) =>
    text
      .replace(/'(?:[^']|'')*'/g, "?")
      .replace(/\$\d+/g, "?")
      .replace(/\b\d+\b/g, "?")
      .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, "(?…)")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 400)
  const seen = new Set()
  const roots = [process.cwd(), path.resolve(__dirname, "..", "..")]
  for (const from of roots) {
    for (const spec of ["pg", "@mikro-orm/postgresql/node_modules/pg"]) {
      let file
      try {
        file = require.resolve(spec, { paths: [from] })
      } catch {
        continue
      }
      if (seen.has(file)) continue
      seen.add(file)
      const Client = require(file).Client
      const query = Client.prototype.query
      Client.prototype.query = function countedQuery(config, ...rest) {
        const text = typeof config === "string" ? config : config?.text
        if (typeof text === "string") {
          counts.statements++
          const verb = (/^\s*(\w+)/.exec(text)?.[1] ?? "?").toUpperCase()
          counts.byVerb[verb] = (counts.byVerb[verb] ?? 0) + 1
          if (keepTexts) {
            const key = shape(text)
            byText.set(key, (byText.get(key) ?? 0) + 1)
            const where = `${stepOf.getStore() ?? "(no step)"} ${verb}`
            bySite.set(where, (bySite.get(where) ?? 0) + 1)
          }
        }
        return query.call(this, config, ...rest)
      }
    }
  }
  const server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json")
    if (req.url === "/sites") {
      res.end(JSON.stringify([...bySite].sort((a, b) => b[1] - a[1])))
      return
    }
    if (req.url === "/texts") {
      res.end(JSON.stringify([...byText].sort((a, b) => b[1] - a[1])))
      return
    }
    res.end(JSON.stringify(counts))
  })
  server.on("error", (error) => console.error(`[pg-count] cannot listen on ${port}: ${error.message}`))
  server.listen(port, "127.0.0.1", () => server.unref())
}
