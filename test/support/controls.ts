import { Controls, type ControlTokenStore } from "../../src/render/controls.ts";

/** Controls over a map, for rendering tests (the SQLite-backed store is tested through the adapters). */
export function memoryControls(isSecret: (command: string) => boolean = () => false): Controls {
  const rows = new Map<string, string>();
  const store: ControlTokenStore = {
    async save(tokens) {
      for (const token of tokens) rows.set(token.id, token.call);
    },
    async find(id) {
      return rows.get(id) ?? null;
    },
  };
  return new Controls(store, isSecret);
}
