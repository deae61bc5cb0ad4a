import type { z } from "zod";
import type { MessageKey } from "../i18n/catalogues.ts";
import { msg, type Message } from "../i18n/translate.ts";
import type { Presentation } from "../i18n/presentation.ts";
import { refuse } from "../core/shared/refusal.ts";
import type { CommandDefinition } from "./define.ts";
import { exampleLine, usageLine } from "./usage.ts";

/**
 * Validates raw argument values with the command's schema. On failure, refuses with every problem
 * in the reader's language, the command's usage and a correct example; nothing has run yet.
 */
export function validateArgs(p: Presentation, command: CommandDefinition, raw: Record<string, unknown>): Record<string, unknown> {
  const result = command.args.safeParse(raw);
  if (result.success) return result.data as Record<string, unknown>;
  refuse("usage.invalid", {
    problems: result.error.issues.map((issue) => describeIssue(raw, issue)),
    usage: usageLine(p, command),
    example: exampleLine(p, command),
  });
}

function describeIssue(raw: Record<string, unknown>, issue: z.core.$ZodIssue): Message {
  const name = String(issue.path[0] ?? "");
  const arg = msg(`arg.${name}` as MessageKey);
  const given = raw[name];
  switch (issue.code) {
    case "invalid_type":
      if (given === undefined) return msg("usage.problem.missing", { arg });
      return msg(issue.expected === "number" ? "usage.problem.not-a-number" : "usage.problem.invalid", { arg, given: String(given) });
    case "too_small":
      if (issue.origin === "string") return msg("usage.problem.missing", { arg });
      return msg("usage.problem.too-small", { arg, minimum: String(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return msg("usage.problem.too-long", { arg, maximum: String(issue.maximum) });
      return msg("usage.problem.too-big", { arg, maximum: String(issue.maximum) });
    case "invalid_value":
      if (given === undefined) return msg("usage.problem.missing", { arg });
      return msg("usage.problem.not-one-of", { arg, given: String(given), options: issue.values.map(String).join(", ") });
    case "custom": {
      const key = (issue.params as { key?: MessageKey } | undefined)?.key;
      return key ? msg(key, { arg, given: String(given) }) : msg("usage.problem.invalid", { arg, given: String(given) });
    }
    default:
      return msg("usage.problem.invalid", { arg, given: String(given) });
  }
}
