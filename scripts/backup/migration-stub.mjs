// Stands in for @medusajs/framework's Migration when restore-drill.mjs reads our
// migration files: it only collects the SQL each `up()` adds, in order, so the
// drill builds the real ledger schema without booting Medusa.
export class Migration {
  addSql(sql) {
    this.collected ??= []
    this.collected.push(sql)
  }
}
