// A sector's name: how two spellings are found to be one sector, tidied and checked. Apart from the
// sector's schema so that the tally CLI, which matches quotas to sectors by name, carries no zod for it.

export const sectorNameMaxLength = 60;

/**
 * What makes two spellings one sector: "Sote", "SOTE" and " sote " are the same. Counting uses it
 * too, so a profile stored before the list existed still meets its quota.
 */
export const sectorKey = (name: string): string => name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fi");

/** A sector's name as typed, tidied: spaces collapsed. */
export const tidySectorName = (name: string): string => name.normalize("NFC").trim().replace(/\s+/g, " ");

/**
 * "-" clears a profile's sector; a comma or a double quote would break the sectors file the tally
 * reads, an "=" the tally's --quota SECTOR=MAX.
 */
export const sectorNameValid = (name: string): boolean =>
  name.length > 0 && name.length <= sectorNameMaxLength && name !== "-" && !/[,"=\n]/.test(name);
