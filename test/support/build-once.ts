// Vitest's global set-up: the bundles in dist/ brought up to date once, before any test starts the
// bot, the tally or verify from them; test files running side by side must not each rebuild them.
import { bundle } from "../../scripts/build.mjs";
import { entries, staleReason } from "../../scripts/fresh.cjs";

export default async function buildOnce(): Promise<void> {
  for (const target of Object.values(entries)) {
    if (staleReason(target.outfile) !== null) await bundle(target.entry, target.outfile, target);
  }
}
