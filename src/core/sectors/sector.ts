import { z } from "zod";

export const sectorSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  /** The list's spelling, which profiles, candidates and quotas store. */
  name: z.string(),
  key: z.string(),
});
export type Sector = z.infer<typeof sectorSchema>;
