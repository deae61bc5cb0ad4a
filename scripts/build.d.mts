/** See build.mjs: bundles one entry point the way `npm start` runs the bot. */
export function bundle(entry: string, outfile: string): Promise<void>;
