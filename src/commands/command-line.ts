import { commandName, type CommandDefinition } from "./define.ts";
import { argSpecs } from "./usage.ts";

const quote = (value: string): string => (/[\s"']/.test(value) || value === "" ? `"${value.replace(/"/g, "'")}"` : value);

/**
 * The canonical text of an invocation, e.g. `group archive "Viestintä ja media" --confirm`.
 * Buttons carry these, so pressing one runs exactly what it showed.
 */
export function commandLine(command: CommandDefinition, raw: Record<string, unknown>, extraFlags: readonly string[] = []): string {
  const parts = [commandName(command)];
  for (const spec of argSpecs(command)) {
    const value = raw[spec.name];
    if (value === undefined || value === false) continue;
    parts.push(spec.flag ? `--${spec.name}` : quote(String(value)));
  }
  return [...parts, ...extraFlags.map((f) => `--${f}`)].join(" ");
}
