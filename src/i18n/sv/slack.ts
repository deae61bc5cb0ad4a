import type { slack as fi } from "../fi/slack.ts";

export const slack: Record<keyof typeof fi, string> = {
  "slack.page": "({page}/{pages})",
  "slack.modal.title": "Lägg till text",
  "slack.modal.submit": "Skicka",
  "slack.modal.close": "Avbryt",
  "slack.modal.label": "Text till {command}",
  "slack.modal.hint": "Texten läggs till i slutet av kommandot som den är.",
  "slack.modal.failed": "Formuläret kunde inte öppnas. Skriv texten direkt efter kommandot i stället: {command} …",
  "slack.button.expired": "Det här valet har gått ut. Skriv kommandot på nytt.",
};
