/** See fresh.cjs: whether a bundle in dist/ is older than its sources. */
export const root: string;
export const entries: Readonly<Record<"main" | "tally" | "verify", { entry: string; outfile: string; withPackages: boolean; strict?: boolean }>>;
export const buildFiles: readonly string[];
export function stampFile(outfile: string): string;
export function staleReason(outfile: string, base?: string): string | null;
