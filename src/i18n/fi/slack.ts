/** What the Slack adapter itself says (modals, page markers, the App Home tab). */
export const slack = {
  "slack.page": "({page}/{pages})",
  "slack.modal.title": "Lisää teksti",
  "slack.modal.submit": "Lähetä",
  "slack.modal.close": "Peruuta",
  "slack.modal.label": "Teksti komentoon {command}",
  "slack.modal.hint": "Teksti lisätään komennon loppuun sellaisenaan.",
  "slack.modal.failed": "Lomakkeen avaaminen ei onnistunut. Kirjoita teksti suoraan komennon perään: {command} …",
  "slack.button.expired": "Tämä valinta on vanhentunut. Kirjoita komento uudelleen.",
} as const;
