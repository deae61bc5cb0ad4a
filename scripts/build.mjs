// Bundles the bot (and the tally CLI) into dist/: plain Node runs them without tsx's loader in
// the process, which is about a quarter of the bot's resident memory and most of a short
// command's start-up (see the README's bench figures). The entries in scripts/fresh.cjs carry
// their packages inside; a bundle built without them (the scheduler bench's) is split ES modules.
// Each bundle gets a stamp of its inputs (scripts/fresh.cjs) so that `npm start` and `npm run
// tally` rebuild only after an edit.
// Usage: node scripts/build.mjs [entry outfile]   (default: every entry in scripts/fresh.cjs)
import { build } from "esbuild";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, resolve } from "node:path";
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

/**
 * What a bundle with its packages inside still leaves in node_modules: native code (better-sqlite3
 * finds its addon from its own folder), and what only some bots load, each behind a dynamic
 * import that the CommonJS bundle turns into a require run on first use: a platform's SDK (with
 * its credentials set), PostgreSQL's driver (with a PostgreSQL URL), mail (SMTP_URL) and the web
 * front end (WEB_PORT). The tally and verify import none of them.
 */
const leftInNodeModules = ["better-sqlite3", "@slack/bolt", "discord.js", "pg", "@prisma/adapter-pg", "nodemailer", "hono", "@hono/node-server"];

/**
 * Prisma's generated client loads its WebAssembly query compiler from a module holding it as 2.5 MB
 * of base64: Node reads and compiles that module and decodes the text at every start (~40 ms, and
 * the string stays on the heap). The bundle reads the same bytes from a .wasm file written beside
 * it instead, decoded here once. And it compiles them from the moment the generated client is
 * loaded, on V8's background threads, while the rest of the bundle loads: compiled where the first
 * query asks for them, the ~20 ms were spent on the main thread before the first answer.
 */
const prismaWasmFromFile = (outdir) => ({
  name: "prisma-wasm-from-file",
  setup(build) {
    const generated = /[\\/]src[\\/]generated[\\/][^\\/]+[\\/]internal[\\/]class\.ts$/;
    const loader = /const \{ wasm \} = await import\("@prisma\/client\/runtime\/(query_compiler_bg\.\w+)\.wasm-base64\.mjs"\)\s*return await decodeBase64AsWasm\(wasm\)/;
    build.onLoad({ filter: generated }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const found = source.match(loader);
      if (!found) throw new Error(`${args.path}: Prisma's query compiler is no longer loaded the way scripts/build.mjs rewrites`);
      const name = `${found[1]}.wasm`;
      const base64 = readFileSync(createRequire(args.path).resolve(`@prisma/client/runtime/${found[1]}.wasm-base64.js`), "utf8").match(/"([A-Za-z0-9+/=]+)"/)?.[1];
      const wasm = Buffer.from(base64 ?? "", "base64");
      if (!wasm.subarray(0, 4).equals(Buffer.from("\0asm", "latin1"))) throw new Error(`${found[1]}.wasm-base64.js: no WebAssembly module found in it`);
      // dist/ is not there yet in a fresh clone: esbuild writes it only after the build.
      mkdirSync(outdir, { recursive: true });
      writeFileSync(join(outdir, name), wasm);
      const compiling = `WebAssembly.compile(require("node:fs").readFileSync(require("node:path").join(__dirname, ${JSON.stringify(name)})))`;
      // Caught here too, so a missing file is not also an unhandled rejection: the first query awaits it and fails with it.
      const started = `\nconst queryCompilerModule: Promise<WebAssembly.Module> = ${compiling};\nqueryCompilerModule.catch(() => {});\n`;
      return { contents: source.replace(loader, "return await queryCompilerModule") + started, loader: "ts" };
    });
  },
});

/**
 * esbuild writes strings' non-ASCII characters as escapes but leaves a template literal's own text
 * as it is, and one such character makes V8 hold the whole bundle's source as two-byte text:
 * twice the memory, and slower to read at every start. Templates write them as escapes (\u00b7).
 */
function warnIfNotAscii(file) {
  const text = readFileSync(file, "latin1");
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) process.stderr.write(`warning: ${file} is not ASCII near ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}; write the character as an escape\n`);
}

/**
 * Builds one entry point the way production runs it; withPackages bundles node_modules too (all
 * but leftInNodeModules), as one CommonJS file for scripts/code-cache.cjs. strict puts "use
 * strict" before the banner, where it still applies to the whole file (esbuild writes its own
 * after the banner, where it is only a string); the sources are ES modules, which are strict.
 */
export async function bundle(entry, outfile, { withPackages = false, strict = false } = {}) {
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
          external: leftInNodeModules.flatMap((name) => [name, `${name}/*`]),
          plugins: [prismaWasmFromFile(resolve(root, dirname(outfile)))],
          // Less for every run to read and V8 to scan: ~10 ms of a ~200 ms count. Names kept, for
          // what reads a class's or function's name (and for a stack trace's frames).
          minify: true,
          keepNames: true,
          banner: { js: `${strict ? '"use strict";' : ""}var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;` },
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
  if (withPackages) warnIfNotAscii(resolve(root, outfile));
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
