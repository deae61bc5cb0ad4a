// Runs a CommonJS bundle (the tally, verify) through V8's code cache, so a start after the first
// skips parsing and compiling the megabyte the bundle is. Node 20 has no compile cache of its own
// (module.enableCompileCache is Node 22), and V8's cache is offered only to vm.Script, hence this.
// The cache is written when the process exits, so it holds every function the run compiled, not
// only the bundle's top level. Kept free of everything outside node:, like fresh.cjs.
"use strict";
const { readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const { Script } = require("node:vm");

/** Next to the bundle; scripts/build.mjs deletes it with every build. */
const codeCacheFile = (bundle) => `${bundle}.v8cache`;

/** Runs `bundle` as Node would run a CommonJS file, with its code cache when one fits. */
function runWithCodeCache(bundle) {
  const builtAt = statSync(bundle).mtimeMs;
  const source = readFileSync(bundle, "utf8");
  const cacheFile = codeCacheFile(bundle);
  let cachedData;
  try {
    // V8 checks little more than the source's length, so a cache older than the bundle is not offered.
    if (statSync(cacheFile).mtimeMs >= builtAt) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        // Not for a bundle rebuilt while this run used the old one.
        if (statSync(bundle).mtimeMs !== builtAt) return;
        writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
        renameSync(`${cacheFile}.${process.pid}`, cacheFile);
      } catch {
        // A read-only dist/ only costs the next start its compile.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

module.exports = { codeCacheFile, runWithCodeCache };
