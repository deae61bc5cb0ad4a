// Whether a bundle in dist/ is older than what it was built from. Kept free of esbuild (and of
// everything else outside node:) so that checking costs a start next to nothing; only a stale
// bundle pays for loading esbuild.
// CommonJS, as are run.cjs and code-cache.cjs: an ES module's import of node:fs builds its named
// exports, which loads Node's streams and file-handle promises, a tenth of a short tally's run.
"use strict";
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..") + "/";

/**
 * What `npm start`, `npm run tally` and `npm run verify` run, by the name scripts/run.cjs takes. Each
 * carries its packages inside, as CommonJS so that scripts/code-cache.cjs can run it with V8's
 * code cache: the tally the little it needs of them (one 70 kB file to read instead of Node
 * resolving zod's many modules); the bot all but what only some bots load (a platform's SDK stays
 * unread unless its credentials are set; see scripts/build.mjs).
 */
const entries = {
  main: { entry: "src/main.ts", outfile: "dist/main.cjs", withPackages: true, strict: true },
  tally: { entry: "src/cli/tally.ts", outfile: "dist/tally.cjs", withPackages: true, strict: true },
  verify: { entry: "src/cli/verify.ts", outfile: "dist/verify.cjs", withPackages: true, strict: true },
};

/** Files that shape every bundle without being one of esbuild's inputs. */
const buildFiles = ["scripts/build.mjs", "tsconfig.json"];

/** Next to the bundle: the time its build started and every file it was built from. */
const stampFile = (outfile) => outfile.replace(/\.[cm]js$/, ".inputs.json");

/**
 * Why the bundle must be rebuilt, or null when it is fresh: no bundle or stamp, or an input
 * changed (or vanished) since its build started. A file imported for the first time is found
 * through the edit that imports it.
 */
function staleReason(outfile, base = root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(base, stampFile(outfile)), "utf8"));
    statSync(join(base, outfile));
  } catch {
    return `${outfile} not built`;
  }
  // Joined by hand: path.join's normalising of each of ~200 inputs was a tenth of the check.
  const folder = base.endsWith("/") ? base : `${base}/`;
  for (const input of stamp.inputs) {
    const modified = statSync(folder + input, { throwIfNoEntry: false })?.mtimeMs;
    if (modified === undefined) return `${input} removed`;
    if (modified > stamp.builtAt) return `${input} changed`;
  }
  return null;
}

module.exports = { root, entries, buildFiles, stampFile, staleReason };
