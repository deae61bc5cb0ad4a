import type { PersonDirectory } from "../../src/core/people/directory.ts";
import type { PersonIdentity } from "../../src/core/people/person.ts";

export const consoleWorkspace = "console:local";

/** In the console a person is their name: `/as Maija` and `group add Viestintä Maija` mean the same Maija. */
export const consoleIdentity = (name: string): PersonIdentity => ({
  externalId: `console:${name.trim().toLocaleLowerCase("fi").replace(/\s+/g, " ")}`,
  displayName: name.trim().replace(/\s+/g, " "),
});

export const consoleDirectory: PersonDirectory = {
  resolve: async (reference) => {
    const name = reference.replace(/^@/, "").trim();
    return name ? consoleIdentity(name) : null;
  },
};
