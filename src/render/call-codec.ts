import type { CallValue, CommandCall } from "./reply.ts";

/**
 * A CommandCall as a short, stateless, versioned string for a platform's control ids (Discord's
 * 100-character custom_id, Slack's action values): `1|group archive|group=Viestintä`, `1!|…` when
 * confirmed, and `…|fill` for a form that fills one argument with what is typed. Pressed after a
 * restart or on another instance, it means the same. Only `%`, `|`, `&`, `=` and a leading `~` are
 * escaped, so names in any script cost one character each; a list of small numbers (a ballot so
 * far, `3 1 12`) packs one base-36 digit a number: `~31c`.
 */
export const callCodecVersion = "1";

export interface EncodedForm {
  readonly call: CommandCall;
  /** The argument the form's typed text becomes, byte for byte. */
  readonly fill?: string;
}

const escape = (value: string): string => value.replace(/[%|&=]|^~/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
const unescape = (value: string): string => value.replace(/%([0-9A-F]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const smallNumbers = /^[1-9][0-9]?(?: [1-9][0-9]?)*$/;
function pack(value: string): string | null {
  if (!smallNumbers.test(value)) return null;
  const numbers = value.split(" ").map(Number);
  return numbers.every((n) => n < 36) ? `~${numbers.map((n) => n.toString(36)).join("")}` : null;
}
const unpack = (packed: string): string => [...packed].map((digit) => parseInt(digit, 36)).join(" ");

const encodeValue = (value: CallValue): string => {
  const text = String(value);
  return pack(text) ?? escape(text);
};

export function encodeCall({ call, fill }: EncodedForm): string {
  const pairs = Object.entries(call.args)
    .filter(([, value]) => value !== false)
    .map(([name, value]) => (value === true ? escape(name) : `${escape(name)}=${encodeValue(value)}`));
  const head = `${callCodecVersion}${call.confirmed ? "!" : ""}`;
  return [head, escape(call.command), pairs.join("&"), ...(fill ? [escape(fill)] : [])].join("|");
}

/** The call an id stands for; null when it is not one (an old token, another app's id). */
export function decodeCall(encoded: string): EncodedForm | null {
  const [head, command, pairs, fill, ...extra] = encoded.split("|");
  if (extra.length > 0 || command === undefined || pairs === undefined) return null;
  if (head !== callCodecVersion && head !== `${callCodecVersion}!`) return null;
  const args: Record<string, CallValue> = {};
  for (const pair of pairs === "" ? [] : pairs.split("&")) {
    const at = pair.indexOf("=");
    if (at < 0) args[unescape(pair)] = true;
    else {
      const raw = pair.slice(at + 1);
      args[unescape(pair.slice(0, at))] = raw.startsWith("~") ? unpack(raw.slice(1)) : unescape(raw);
    }
  }
  const call: CommandCall = { command: unescape(command), args, ...(head.endsWith("!") ? { confirmed: true } : {}) };
  return { call, ...(fill ? { fill: unescape(fill) } : {}) };
}
