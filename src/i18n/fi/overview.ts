/** The overview: what is on a person's plate, on every platform and in Slack's Home tab. */
export const overview = {
  "help.topic.overview": "yleiskatsaus: omat työryhmäsi, tulevat kokoukset, esityslistojen määräajat, vaalit ja tehtäväsi",
  "command.overview.summary": "yleiskatsaus: työryhmäsi, tulevat kokoukset, avoimet esityslistat, vaalit ja omat tehtäväsi",
  "command.overview.example": "overview",
  "overview.title": "Yleiskatsaus",
  "overview.groups": "Omat työryhmäsi",
  "overview.no-groups": "Et ole vielä minkään työryhmän jäsen. Katso työryhmät: /council group list",
  "overview.meetings": "Tulevat kokoukset",
  "overview.meeting": "{group} {number}. {when} · {place} · {status}",
  "overview.deadlines": "Esityslistoille voi vielä jättää asioita",
  "overview.deadline": "{group}, kokous {number}: {deadline} asti — /council agenda add {group} <otsikko>",
  "overview.elections": "Käynnissä olevat vaalit",
  "overview.ballot.can-vote": "voit äänestää: /council election ballot {id}",
  "overview.ballot.voted": "olet äänestänyt",
  "overview.ballot.seat-voted": "varsinainen jäsenesi on äänestänyt",
  "overview.hint": "Kirjoita `/council help` nähdäksesi kaikki komennot.",
  "overview.hint-more": "Kaikki eivät mahtuneet tähän: katso /council meeting list <ryhmä>, /council election list <ryhmä> ja /council action list. Kaikki komennot: `/council help`.",
} as const;
