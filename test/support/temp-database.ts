import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh SQLite file in its own folder; `remove` deletes it with its WAL files. */
export function tempDatabase(): { url: string; path: string; folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), "council-bot-db-"));
  const path = join(folder, "council.db");
  return { url: `file:${path}`, path, folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
