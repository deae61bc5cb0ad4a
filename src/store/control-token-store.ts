import type { ControlTokenStore } from "../render/controls.ts";
import type { DbTx } from "./prisma-client.ts";

/** Tokens are named by their call's hash: saving one twice (two renders of one reply) is a no-op. */
export const controlTokenStore = (db: DbTx): ControlTokenStore => ({
  async save(tokens) {
    for (const token of tokens) await db.controlToken.upsert({ where: { id: token.id }, create: token, update: {} });
  },
  async find(id) {
    return (await db.controlToken.findUnique({ where: { id } }))?.call ?? null;
  },
});
