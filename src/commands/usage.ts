import { z } from "zod";
import type { MessageKey } from "../i18n/catalogues.ts";
import type { Presentation } from "../i18n/presentation.ts";
import { argMeta } from "./args.ts";
import { commandName, type CommandDefinition } from "./define.ts";

export const rootCommand = "/council";

export interface ArgSpec {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly optional: boolean;
  readonly flag: boolean;
  readonly rest: boolean;
  /** Typed as `--name value` (ArgMeta.named). */
  readonly named: boolean;
  /** ArgMeta.isName. */
  readonly isName: boolean;
}

const isBoolean = (schema: z.ZodType): boolean => {
  const inner = schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  return inner instanceof z.ZodBoolean;
};

/** The arguments of a command in grammar order, read off its zod object. */
export function argSpecs(command: CommandDefinition): ArgSpec[] {
  return Object.entries(command.args.shape as Record<string, z.ZodType>).map(([name, schema]) => ({
    name,
    schema,
    optional: schema.safeParse(undefined).success,
    flag: isBoolean(schema),
    rest: argMeta(schema).rest === true,
    named: argMeta(schema).named === true,
    isName: argMeta(schema).isName === true,
  }));
}

export const summaryKey = (command: CommandDefinition) => `command.${command.path.join(".")}.summary` as MessageKey;
export const exampleKey = (command: CommandDefinition) => `command.${command.path.join(".")}.example` as MessageKey;

/** `/council group add <group> <person> [role]` with argument names in the reader's language. */
export function usageLine(p: Presentation, command: CommandDefinition): string {
  const parts = argSpecs(command).map((arg) => {
    const label = p.t(`arg.${arg.name}` as MessageKey);
    if (arg.flag) return `[--${arg.name}]`;
    if (arg.named) return `[--${arg.name} <${label}>]`;
    const shown = arg.rest ? `${label}…` : label;
    return arg.optional ? `[${shown}]` : `<${shown}>`;
  });
  return [rootCommand, commandName(command), ...parts].join(" ");
}

export const exampleLine = (p: Presentation, command: CommandDefinition): string =>
  `${rootCommand} ${p.t(exampleKey(command))}`;
