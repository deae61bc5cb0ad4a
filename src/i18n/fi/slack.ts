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
  "slack.home.title": "Työryhmät",
  "slack.home.my-groups": "Omat työryhmäsi",
  "slack.home.no-groups": "Et ole vielä minkään työryhmän jäsen.",
  "slack.home.meetings": "Tulevat kokoukset",
  "slack.home.elections": "Käynnissä olevat vaalit",
  "slack.home.hint": "Kirjoita `/council help` nähdäksesi kaikki komennot.",
} as const;
