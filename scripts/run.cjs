// `npm start`, `npm run tally` and `npm run verify`: runs a bundle from dist/ in this very process, building it
// first only when it is missing or older than its sources (a developer edited src/). A second
// Node process, or esbuild on every start, would cost more than the count of a ward file.
// CommonJS, like the two files it uses (see fresh.cjs).
// Usage: node [flags] scripts/run.cjs <main|tally|verify> [arguments for it]
"use strict";
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");
const { runWithCodeCache } = require("./code-cache.cjs");
const { entries, root, staleReason } = require("./fresh.cjs");

const name = process.argv[2];
const target = Object.hasOwn(entries, name ?? "") ? entries[name] : undefined;
if (!target) {
  process.stderr.write(`usage: node scripts/run.cjs <${Object.keys(entries).join("|")}> [arguments]\n`);
  process.exit(2);
}

async function run() {
  if (staleReason(target.outfile) !== null) {
    const { bundle } = await import("./build.mjs");
    await bundle(target.entry, target.outfile, target);
  }
  // The bundle sees the arguments `node dist/<name>.mjs ...` would give it.
  const bundlePath = join(root, target.outfile);
  process.argv.splice(1, 2, bundlePath);
  if (bundlePath.endsWith(".cjs")) runWithCodeCache(bundlePath);
  else await import(pathToFileURL(bundlePath).href);
}

void run();
