/**
 * What of an error may go into a log line. An error carries whatever its thrower had at hand: a
 * database's message may quote the row it refused (a ballot), an SDK's error the request it sent
 * (a receipt in a reply) or the payload it received, a zod error the input. So a log gets the
 * error's kind, code and stack frames, its message only where the caller allows it (shortened,
 * with the caller's known inputs blanked), and never the error's other properties.
 */
export interface LoggedError {
  readonly type: string;
  readonly code?: string | number;
  readonly message?: string;
  readonly stack?: string;
  readonly cause?: LoggedError;
}

export interface LoggedErrorOptions {
  /** Keep the message (first and last line, shortened). Off where the input is secret: a ballot. */
  readonly message?: boolean;
  /** Input the message must not repeat (a command's argument values): blanked wherever it appears. */
  readonly scrub?: readonly string[];
}

const maxMessage = 300;
const maxDepth = 3;

const safeCode = (code: unknown): string | number | undefined =>
  typeof code === "number" || (typeof code === "string" && /^[A-Za-z0-9_.:-]{1,40}$/.test(code)) ? code : undefined;

function shortMessage(message: string, scrub: readonly string[]): string {
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? "";
  const last = lines.at(-1) ?? "";
  let text = first === last ? first : `${first} … ${last}`;
  for (const value of [...scrub].filter((s) => s.trim().length > 0).sort((a, b) => b.length - a.length)) {
    text = text.split(value).join("[…]");
  }
  return text.length > maxMessage ? `${text.slice(0, maxMessage)}…` : text;
}

/** Stack frames only: the first line of a stack repeats the message. */
const frames = (stack: string): string =>
  stack
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12)
    .join("\n");

export function loggedError(error: unknown, options: LoggedErrorOptions = {}, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: error === null ? "null" : typeof error };
  const record = error as Error & { code?: unknown; original?: unknown };
  const code = safeCode(record.code);
  // Bolt wraps a listener's error as `original`; other libraries use the standard `cause`.
  const inner = record.cause ?? record.original;
  return {
    type: error.name || error.constructor.name,
    ...(code !== undefined ? { code } : {}),
    ...(options.message !== false && error.message ? { message: shortMessage(error.message, options.scrub ?? []) } : {}),
    ...(error.stack ? { stack: frames(error.stack) } : {}),
    ...(inner !== undefined && depth < maxDepth ? { cause: loggedError(inner, options, depth + 1) } : {}),
  };
}
