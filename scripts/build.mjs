// Bundles the bot (and the tally CLI) into dist/: plain Node runs them without tsx's loader in
// the process, which is about a quarter of the bot's resident memory and most of a short
// command's start-up (see the README's bench figures). Packages stay in node_modules; only our
// own code (and the generated Prisma client) is bundled. Each bundle gets a stamp of its inputs
// (scripts/fresh.cjs) so that `npm start` and `npm run tally` rebuild only after an edit.
// Usage: node scripts/build.mjs [entry outfile]   (default: every entry in scripts/fresh.cjs)
import { build } from "esbuild";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { codeCacheFile } from "./code-cache.cjs";
import { buildFiles, entries, root, stampFile } from "./fresh.cjs";

/**
 * Node resolves Prisma's runtime to its CommonJS build, and an ES module importing CommonJS makes
 * Node scan its 230 kB for the names it exports: ~150 ms of every start. The package's ES module
 * build of the same runtime loads without that scan.
 */
const prismaRuntimeAsModule = {
  name: "prisma-runtime-as-module",
  setup(build) {
    build.onResolve({ filter: /^@prisma\/client\/runtime\/client$/ }, () => ({ path: "@prisma/client/runtime/client.mjs", external: true }));
  },
};

/**
 * Pure-JavaScript packages the bot's every start loads, bundled into it (with what they import)
 * instead of left in node_modules: zod alone is some eighty ES modules for Node to resolve, read and
 * compile one by one, and pino a score of CommonJS ones (~40 ms of CPU at every start). Everything
 * else stays in node_modules: native code, Prisma's WebAssembly, and the SDKs that only the bot
 * using them loads. (pino's transports, which need its files on disk, are not used.)
 */
const bundledPackages = new Set(["zod", "pino", "fastest-levenshtein", "string-argv", "unicode-confusables"]);
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const onlyBundledPackages = {
  name: "only-bundled-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const bundled = bundledPackages.has(packageName(args.path)) || args.importer.includes("/node_modules/") || args.path.startsWith("node:");
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

/** Builds one entry point the way production runs it; withPackages bundles node_modules too. */
export async function bundle(entry, outfile, { withPackages = false } = {}) {
  // Taken before esbuild reads anything, so an edit made during the build still counts as newer.
  const builtAt = Date.now();
  const common = { absWorkingDir: root, entryPoints: [entry], bundle: true, platform: "node", target: "node20", sourcemap: "linked", logLevel: "warning", metafile: true };
  const { metafile } = await build(
    withPackages
      ? {
          ...common,
          // One CommonJS file with its packages inside, for scripts/code-cache.cjs. The CLI's "run
          // me when I am the script" check reads import.meta.url, which CommonJS has not.
          outfile,
          format: "cjs",
          // Less for every run to read and V8 to scan: ~10 ms of a ~200 ms count. Names kept, for
          // what reads a class's or function's name (and for a stack trace's frames).
          minify: true,
          keepNames: true,
          banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
          define: { "import.meta.url": "__importMetaUrl" },
        }
      : {
          ...common,
          // Split, so a module imported only when needed (a platform's adapter and SDK) stays out of a
          // process that does not use it.
          outdir: dirname(outfile),
          entryNames: basename(outfile, extname(outfile)),
          outExtension: { ".js": ".mjs" },
          splitting: true,
          format: "esm",
          // The CommonJS packages bundled (pino) require Node's own modules, which ES modules have no require for.
          banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
          plugins: [prismaRuntimeAsModule, onlyBundledPackages],
        },
  );
  rmSync(resolve(root, codeCacheFile(outfile)), { force: true });
  const inputs = [...buildFiles, ...Object.keys(metafile.inputs)];
  // Written whole and renamed into place: a start running beside the build never reads half a stamp.
  const stamp = resolve(root, stampFile(outfile));
  writeFileSync(`${stamp}.${process.pid}`, JSON.stringify({ builtAt, inputs }));
  renameSync(`${stamp}.${process.pid}`, stamp);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, outfile] = process.argv.slice(2);
  const targets = entry && outfile ? [{ entry, outfile, withPackages: false }] : Object.values(entries);
  for (const target of targets) await bundle(target.entry, target.outfile, target);
}
