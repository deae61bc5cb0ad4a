import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // The bundles in dist/ up to date once, before tests start the bot from them.
    globalSetup: ["test/support/build-once.ts"],
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Much of the
    // suite waits on child processes and sockets, so two files at a time finish the run ~30 %
    // sooner there (555 → 402 s measured) without starving either.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
