import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's folder (where package.json and prisma/ are), found upwards from this module, so
 * it is the same whether the code runs from src/ under tsx or from the bundle in dist/.
 */
export function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "prisma"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder (package.json and prisma/) above ${from}`);
  }
}
