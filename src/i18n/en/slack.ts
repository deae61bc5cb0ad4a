import type { slack as fi } from "../fi/slack.ts";

export const slack: Record<keyof typeof fi, string> = {
  "slack.page": "({page}/{pages})",
  "slack.modal.title": "Add text",
  "slack.modal.submit": "Send",
  "slack.modal.close": "Cancel",
  "slack.modal.label": "Text for {command}",
  "slack.modal.hint": "The text is added to the end of the command as it is.",
  "slack.modal.failed": "Could not open the form. Type the text right after the command instead: {command} …",
  "slack.button.expired": "This choice has expired. Please type the command again.",
};
