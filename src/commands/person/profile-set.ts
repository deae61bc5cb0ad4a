import { z } from "zod";
import { profileReply } from "../../core/people/replies.ts";
import { keyword, restOfLine, type ArgMeta } from "../args.ts";
import { defineCommand } from "../define.ts";
import { done } from "../done.ts";

export const profileSet = defineCommand({
  path: ["profile", "set"],
  args: () =>
    z.object({
      field: keyword({
        name: ["nimi", "namn"],
        organisation: ["organisaatio", "taustaorganisaatio", "järjestö", "organization"],
        sector: ["toimiala", "sektori", "bransch", "sektor"],
        municipality: ["kunta", "kotikunta", "kommun", "hemkommun"],
        email: ["sähköposti", "e-mail", "e-post", "epost"],
      }),
      // A name, an organisation, a municipality or an address: never a text with an open quote in it.
      value: restOfLine(254).meta({ kind: "text", rest: true, isName: true } satisfies ArgMeta),
    }),
  sideEffects: true,
  async run({ inv, p, services }, { field, value }) {
    // An address is used only once confirmed: it gets a code, which `profile verify` takes.
    if (field === "email") return done(p, "mail.email-pending", await services.mail.setEmail(inv, value));
    const person = await services.people.setProfileField(inv, field, value);
    return profileReply(p, person, await services.groups.listMine(inv));
  },
});
