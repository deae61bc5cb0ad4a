import { describe, expect, it } from "vitest";
import type { MemberView } from "../../../src/core/groups/group.ts";
import type { ActionItem, AgendaItem, Attendance, Meeting } from "../../../src/core/meetings/meeting.ts";
import { absentMembers, renderMinutes, type MinutesInput } from "../../../src/core/meetings/minutes.ts";
import { presentation } from "../../../src/i18n/presentation.ts";
import { computeQuorum } from "../../../src/core/meetings/quorum.ts";

const member = (personId: string, role: MemberView["role"], deputyOfId: string | null = null): MemberView => ({
  groupId: "g",
  personId,
  role,
  deputyOfId,
  joinedAt: new Date(0),
  displayName: personId[0]!.toUpperCase() + personId.slice(1),
  externalId: `console:${personId}`,
  organisation: null,
  sector: null,
});
const members = [member("anna", "chair"), member("maija", "member"), member("liisa", "member"), member("pekka", "deputy", "maija"), member("olli", "observer")];
const attendance: Attendance[] = [
  { meetingId: "m", personId: "anna", mode: "present", forMemberId: null },
  { meetingId: "m", personId: "pekka", mode: "remote", forMemberId: null },
];
const meeting: Meeting = {
  id: "m",
  groupId: "g",
  number: 2,
  startsAt: new Date("2026-12-03T12:00:00Z"),
  place: "Maakuntasali",
  agendaDeadline: new Date("2026-11-30T12:00:00Z"),
  status: "closed",
  publishedAt: new Date("2026-12-01T08:00:00Z"),
  openedAt: new Date("2026-12-03T12:02:00Z"),
  closedAt: new Date("2026-12-03T13:30:00Z"),
  minutes: null,
};
const item = (position: number, over: Partial<AgendaItem>): AgendaItem => ({
  id: `i${position}`,
  meetingId: "m",
  position,
  standard: null,
  title: "",
  text: null,
  link: null,
  proposerId: null,
  status: "accepted",
  late: false,
  reason: null,
  decision: null,
  voteYes: null,
  voteNo: null,
  voteAbstain: null,
  minutesNumber: null,
  createdAt: new Date(0),
  ...over,
});
const items: AgendaItem[] = [
  item(1, { standard: "opening" }),
  item(2, { standard: "legality" }),
  item(3, { standard: "checkers", decision: "Pekka ja Anna." }),
  item(4, { standard: "adoption" }),
  item(5, { title: "Budjetti 2027", decision: "Hyväksyttiin.", voteYes: 2, voteNo: 0, voteAbstain: 0 }),
  item(6, { title: "Some-kanavat" }),
  item(7, { title: "Hylätty asia", status: "rejected", reason: "Ei kuulu ryhmälle" }),
  item(10_000, { standard: "closing" }),
];
const actions: ActionItem[] = [
  { id: "a", groupId: "g", number: 1, meetingId: "m", text: "Kirjoittaa tiedotteen", ownerId: "maija", dueDate: new Date("2026-12-15T21:59:59Z"), doneAt: null, createdAt: new Date(0) },
];
const input: MinutesInput = {
  group: { name: "Viestintä" },
  meeting,
  items,
  attendance,
  members,
  quorum: computeQuorum(members, attendance),
  actions,
  nameOf: (id) => members.find((m) => m.personId === id)?.displayName ?? "—",
};

describe("minutes", () => {
  it("given a closed meeting, when rendering in Finnish, then every listed item is numbered with its decision and vote", () => {
    const text = renderMinutes(presentation("fi", "Europe/Helsinki"), input);
    expect(text).toContain("# Pöytäkirja: Viestintä, kokous 2");
    expect(text).toContain("**Aika:** to 3.12.2026 klo 14.02");
    expect(text).toContain("- Pekka (varajäsen, jäsenen Maija sijaan), etänä");
    expect(text).toContain("**Poissa:** Maija (jäsen), Liisa (jäsen)");
    expect(text).toContain("Kokous todettiin päätösvaltaiseksi: läsnä 2/3 ääntä (vähintään 2).");
    const headings = text.split("\n").filter((l) => l.startsWith("### "));
    expect(headings).toEqual([
      "### 1. Kokouksen avaus",
      "### 2. Laillisuus ja päätösvaltaisuus",
      "### 3. Pöytäkirjantarkastajien valinta",
      "### 4. Työjärjestyksen hyväksyminen",
      "### 5. Budjetti 2027",
      "### 6. Some-kanavat",
      "### 7. Kokouksen päättäminen",
    ]);
    expect(text).toContain("### 2. Laillisuus ja päätösvaltaisuus\n\n**Päätös:** Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.");
    expect(text).toContain("### 5. Budjetti 2027\n\n**Päätös:** Hyväksyttiin.\n**Äänestys:** jaa 2, ei 0, tyhjiä 0");
    expect(text).toContain("### 6. Some-kanavat\n\n**Päätös:** ei päätöstä; asia siirtyy seuraavaan kokoukseen");
    expect(text).toContain("## Seuraavaan kokoukseen siirtyvät asiat\n\n- Some-kanavat");
    expect(text).toContain("- 1. Kirjoittaa tiedotteen — Maija, viimeistään 15.12.2026");
    expect(text).not.toContain("Hylätty asia");
  });

  it("given the same meeting, when rendering in Swedish and English, then the whole text is in that language", () => {
    const sv = renderMinutes(presentation("sv", "Europe/Helsinki"), input);
    for (const line of ["# Protokoll: Viestintä, möte 2", "### 1. Mötets öppnande", "### 3. Val av protokolljusterare", "**Frånvarande:** Maija", "**Omröstning:** ja 2, nej 0, blanka 0", "### 7. Mötets avslutande", "Ordförande: ______________________"]) {
      expect(sv).toContain(line);
    }
    const en = renderMinutes(presentation("en", "Europe/Helsinki"), input);
    for (const line of ["# Minutes: Viestintä, meeting 2", "### 1. Opening of the meeting", "**Absent:** Maija (member), Liisa (member)", "### 7. Closing of the meeting"]) {
      expect(en).toContain(line);
    }
  });

  it("given nobody present, when rendering, then the minutes say the agenda was not adopted, as the meeting could decide nothing", () => {
    const empty = renderMinutes(presentation("fi", "Europe/Helsinki"), { ...input, attendance: [], quorum: computeQuorum(members, []) });
    expect(empty).toContain("**Päätös:** Kokous ei ollut päätösvaltainen.");
    expect(empty).toContain("### 4. Työjärjestyksen hyväksyminen\n\n**Päätös:** Kokous ei ollut päätösvaltainen, joten esityslistaa ei hyväksytty työjärjestykseksi.");
    expect(empty).not.toContain("Esityslista hyväksyttiin");
  });

  it("given a member whose deputy stood in and an observer away, when listing the absent, then names the member and not the observer", () => {
    expect(absentMembers(input).map((m) => m.personId)).toEqual(["maija", "liisa"]);
  });

  it("given too few votes present, when rendering, then the minutes say the meeting was not quorate", () => {
    const alone = attendance.slice(0, 1);
    const text = renderMinutes(presentation("fi", "Europe/Helsinki"), { ...input, attendance: alone, quorum: computeQuorum(members, alone) });
    expect(text).toContain("Kokous ei ollut päätösvaltainen: läsnä 1/3 ääntä (vähintään 2).");
    expect(text).toContain("### 2. Laillisuus ja päätösvaltaisuus\n\n**Päätös:** Kokous ei ollut päätösvaltainen.");
  });
});
