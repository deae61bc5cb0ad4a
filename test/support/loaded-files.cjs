// Preloaded (node --require) by test/e2e/start-loads.test.ts: at exit, the files the process
// required, as one line on stderr.
"use strict";
process.on("exit", () => process.stderr.write(`loaded-files ${JSON.stringify(Object.keys(require.cache))}\n`));
