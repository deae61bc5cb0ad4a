// Bundles the bot into dist/ for `npm start`: plain Node runs it without tsx's loader in the
// process, which is about a quarter of the bot's resident memory (see the README's bench figures).
// Packages stay in node_modules; only our own code (and the generated Prisma client) is bundled.
// Usage: node scripts/build.mjs [entry outfile]   (default: src/main.ts -> dist/main.mjs)
import { build } from "esbuild";
import { basename, dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Builds one entry point the way production runs it. */
export async function bundle(entry, outfile) {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    // Split, so a module imported only when needed (a platform's adapter and SDK) stays out of a
    // process that does not use it.
    outdir: dirname(outfile),
    entryNames: basename(outfile, extname(outfile)),
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry = "src/main.ts", outfile = "dist/main.mjs"] = process.argv.slice(2);
  await bundle(entry, outfile);
}
