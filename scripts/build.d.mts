/** See build.mjs: bundles one entry point the way `npm start` runs the bot, with a stamp of its inputs. */
export function bundle(entry: string, outfile: string, options?: { withPackages?: boolean; strict?: boolean }): Promise<void>;
