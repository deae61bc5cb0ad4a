import type { ControlTokenStore } from "../render/controls.ts";
import type { DbTx } from "./prisma-client.ts";

/** Tokens are named by their call's hash, so saving one twice (two renders of one reply) changes nothing; kept choices are replaced. */
export const controlTokenStore = (db: DbTx): ControlTokenStore => ({
  async save(tokens) {
    for (const token of tokens) await db.controlToken.upsert({ where: { id: token.id }, create: token, update: { call: token.call } });
  },
  async find(id) {
    return (await db.controlToken.findUnique({ where: { id } }))?.call ?? null;
  },
});
