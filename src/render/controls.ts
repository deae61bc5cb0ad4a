import { createHash } from "node:crypto";
import { decodeCall, encodeCall, type EncodedForm } from "./call-codec.ts";

/** Where the calls too long for a platform's control id are kept (src/store/control-token-store.ts). */
export interface ControlTokenStore {
  save(tokens: readonly { readonly id: string; readonly call: string }[]): Promise<void>;
  find(id: string): Promise<string | null>;
}

const tokenPrefix = "t|";
const keptPrefix = "kept|";

/** A choice a person may make next, by the key they type for it (the console's `[1]`, `[a]`). */
export interface KeptChoice {
  readonly key: string;
  readonly call: EncodedForm["call"];
}

/**
 * The ids of buttons, options and forms. A call is carried in the id itself when it fits the
 * platform's limit; a longer one stands for a database row named by the call's own hash, so the
 * same call always gets the same token and the table grows only with calls that differ. A secret
 * command's call (a ballot so far) is never written to the database: where it does not fit, the
 * control is left out and the person types the command the reply's hint shows.
 */
export class Controls {
  private pending = new Map<string, string>();

  constructor(
    private readonly store: ControlTokenStore,
    /** Commands whose arguments must never be stored (see CommandDefinition.log). */
    private readonly isSecret: (command: string) => boolean,
  ) {}

  /** The id for a control, at most `max` characters; null when it cannot have one. */
  idFor(form: EncodedForm, max: number): string | null {
    const encoded = encodeCall(form);
    if (encoded.length <= max) return encoded;
    if (this.isSecret(form.call.command)) return null;
    const id = tokenPrefix + createHash("sha256").update(encoded).digest("base64url").slice(0, 24);
    this.pending.set(id, encoded);
    return id;
  }

  /** Stores the tokens handed out since the last flush; call before sending what carries them. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const tokens = [...this.pending].map(([id, call]) => ({ id, call }));
    this.pending = new Map();
    await this.store.save(tokens);
  }

  /** What a pressed id runs; null when it is not ours or its token is unknown. */
  async read(id: string): Promise<EncodedForm | null> {
    if (!id.startsWith(tokenPrefix)) return decodeCall(id);
    const stored = this.pending.get(id) ?? (await this.store.find(id));
    return stored === null ? null : decodeCall(stored);
  }

  /**
   * Keeps what a person may press next where the person types a key for it (the console), so a
   * restart between showing and pressing forgets nothing. A secret command's calls are not kept:
   * after a restart those are typed again.
   */
  async keep(scope: string, choices: readonly KeptChoice[]): Promise<void> {
    const kept = choices.filter((c) => !this.isSecret(c.call.command)).map((c) => ({ key: c.key, call: encodeCall({ call: c.call }) }));
    await this.store.save([{ id: keptPrefix + scope, call: JSON.stringify(kept) }]);
  }

  /** What `keep` kept for the scope, or nothing. */
  async kept(scope: string): Promise<KeptChoice[]> {
    const stored = await this.store.find(keptPrefix + scope);
    if (stored === null) return [];
    const entries = JSON.parse(stored) as { key: string; call: string }[];
    return entries.flatMap((e) => {
      const form = decodeCall(e.call);
      return form ? [{ key: e.key, call: form.call }] : [];
    });
  }
}
