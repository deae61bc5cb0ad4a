/**
 * The real Slack adapter over the real core and a real SQLite file, driven over Slack's wire
 * protocols (signed HTTP requests, form-encoded Web API calls, response_url) by the harness.
 */
import { decodeCall } from "../../../src/render/call-codec.ts";
import { afterEach, describe, expect, it } from "vitest";
import { heading, list, onlyYou, select, text } from "../../../src/render/build.ts";
import { isRateLimited } from "../../../src/core/shared/chat-errors.ts";
import {
  blockActionPayload,
  plainTextValue,
  sendEvent,
  sendInteractive,
  sendMessageShortcut,
  sendSlashCommand,
  sendViewSubmission,
} from "../harness/slack/index.ts";
import { blocksText, startSlackBot, type SlackBot } from "./setup.ts";

const bots: SlackBot[] = [];
afterEach(async () => {
  const errors = bots.flatMap((b) => b.logger.entries.filter((e) => e.level === "error"));
  while (bots.length > 0) await bots.pop()?.close();
  expect(errors).toEqual([]);
});

async function bot(options?: Parameters<typeof startSlackBot>[0]): Promise<SlackBot> {
  const started = await startSlackBot(options);
  bots.push(started);
  return started;
}

let responseIds = 0;
/** A slash command as Slack sends it; `id` names its response_url. */
async function council(b: SlackBot, line: string, o: { user?: string; channel?: string; id?: string } = {}) {
  const id = o.id ?? `r${++responseIds}`;
  const res = await sendSlashCommand({
    ...b.target,
    command: "/council",
    text: line,
    userId: o.user ?? "U0ALICE",
    channelId: o.channel ?? "C0GENERAL",
    responseUrl: b.webApi.responseUrl(id),
  });
  return { ...res, id, ack: res.body as { response_type?: string; text?: string; blocks?: unknown[] } };
}

describe("Slack adapter: slash commands", () => {
  it("answers /council group create in the acknowledgement, only to the sender, in Finnish", async () => {
    const b = await bot();
    const res = await council(b, "group create Viestintä");
    expect(res.status).toBe(200);
    expect(res.ack.response_type).toBe("ephemeral");
    expect(blocksText(res.ack.blocks)).toContain("Työryhmä *Viestintä* perustettu. Olet sen puheenjohtaja.");
    expect(res.ack.text).toContain("Työryhmä Viestintä perustettu");
    // Who asked (and whether they are an admin) came from users.info.
    expect(b.webApi.callsTo("users.info").map((c) => c.args.user)).toEqual(["U0ALICE"]);
  });

  it("asks to confirm an archive with buttons carrying the command; pressing one archives via response_url", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    const res = await council(b, "group archive Viestintä");
    expect(res.ack.response_type).toBe("ephemeral");
    const actions = (res.ack.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]).find(
      (block) => block.type === "actions",
    );
    const [confirm, cancel] = actions?.elements ?? [];
    expect(confirm).toMatchObject({ text: { text: "Vahvista" }, style: "danger" });
    expect(decodeCall(confirm?.value ?? "")).toEqual({ call: { command: "group archive", args: { group: "Viestintä" }, confirmed: true } });
    expect(confirm?.action_id).toMatch(/^council:run:\d+$/);
    expect(decodeCall(cancel?.value ?? "")).toEqual({ call: { command: "cancel", args: {} } });

    // The question was ephemeral (only the sender saw it), so the answer replaces it.
    const payload = blockActionPayload({
      actionId: confirm?.action_id ?? "",
      value: confirm?.value ?? "",
      responseUrl: b.webApi.responseUrl("press"),
    });
    payload.container = { ...(payload.container as object), is_ephemeral: true };
    const press = await sendInteractive(b.target, payload);
    expect(press.status).toBe(200);
    const answer = (await b.webApi.waitForResponse("press")) as { response_type: string; replace_original: boolean; blocks: unknown[] };
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(blocksText(answer.blocks)).toContain("Työryhmä *Viestintä* arkistoitu.");

    const info = await council(b, "group info Viestintä");
    expect(blocksText(info.ack.blocks)).toContain("arkistoitu");
  });

  it("announces a join in the group's linked channel; names come from users.info", async () => {
    const b = await bot();
    b.webApi.setUser("U0BOB", { real_name: "Bob Bobson", profile: { real_name: "Bob Bobson", display_name: "Bobi" } });
    await council(b, "group create Viestintä");
    await council(b, "group rules Viestintä joining open");
    const linked = await council(b, "group link-channel Viestintä", { channel: "C0VIESTINTA" });
    expect(blocksText(linked.ack.blocks)).toContain("Työryhmän *Viestintä* ilmoitukset tulevat nyt tälle kanavalle.");

    const joined = await council(b, "group join Viestintä", { user: "U0BOB" });
    expect(blocksText(joined.ack.blocks)).toContain("Viestintä");
    const post = await b.webApi.waitForCall("chat.postMessage", (c) => blocksText(c.args.blocks).includes("liittyi"));
    expect(post.args.channel).toBe("C0VIESTINTA");
    expect(blocksText(post.args.blocks)).toContain("Bobi liittyi työryhmään Viestintä.");
  });

  it("under joining approval, tells the chair by direct message; pressing Accept there makes the requester a member", async () => {
    const b = await bot();
    b.webApi.setUser("U0BOB", { real_name: "Bob Bobson", profile: { real_name: "Bob Bobson", display_name: "Bobi" } });
    await council(b, "group create Viestintä");
    const asked = await council(b, "group join Viestintä", { user: "U0BOB" });
    expect(blocksText(asked.ack.blocks)).toContain("Pyyntösi liittyä työryhmään *Viestintä* odottaa");
    expect(b.webApi.callsTo("conversations.open").map((c) => c.args.users)).toContain("U0ALICE");
    const notice = await b.webApi.waitForCall("chat.postMessage", (c) => blocksText(c.args.blocks).includes("pyytää päästä"));
    expect(String(notice.args.channel)).toMatch(/^D/);
    type Element = { action_id: string; value: string; text: { text: string } };
    const actions = (notice.args.blocks as { type: string; elements?: Element[] }[]).find((block) => block.type === "actions");
    const accept = actions?.elements?.find((e) => e.text.text === "Hyväksy");
    expect(decodeCall(accept?.value ?? "")).toEqual({ call: { command: "group accept", args: { group: "Viestintä", person: "slack:T0COUNCIL:U0BOB" } } });

    const payload = blockActionPayload({ actionId: accept!.action_id, value: accept!.value, userId: "U0ALICE", responseUrl: b.webApi.responseUrl("accept") });
    expect((await sendInteractive(b.target, payload)).status).toBe(200);
    const answer = (await b.webApi.waitForResponse("accept")) as { blocks: unknown[] };
    expect(blocksText(answer.blocks)).toContain("Bobi on nyt työryhmän *Viestintä* jäsen.");
    const members = await council(b, "group members Viestintä");
    expect(blocksText(members.ack.blocks)).toContain("Bobi (jäsen)");
  });

  it("links a channel named by a <#C…|name> mention", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    await council(b, "group rules Viestintä joining open");
    await council(b, "group link-channel Viestintä <#C0MUU|muu>");
    await council(b, "group join Viestintä", { user: "U0BOB" });
    const post = await b.webApi.waitForCall("chat.postMessage", (c) => blocksText(c.args.blocks).includes("liittyi"));
    expect(post.args.channel).toBe("C0MUU");
  });

  it("resolves a <@U…|name> mention through users.info and names the person by display name", async () => {
    const b = await bot();
    b.webApi.setUser("U0BOB", { real_name: "Bob Bobson", profile: { real_name: "Bob Bobson", display_name: "Bobi" } });
    await council(b, "group create Viestintä");
    const res = await council(b, "group add Viestintä <@U0BOB|bob>");
    expect(b.webApi.callsTo("users.info").map((c) => c.args.user)).toContain("U0BOB");
    expect(blocksText(res.ack.blocks)).toContain("Bobi lisätty työryhmään *Viestintä* (jäsen).");
    // Nobody is known by a plain name on Slack.
    const plain = await council(b, "group add Viestintä Maija");
    expect(blocksText(plain.ack.blocks)).not.toContain("lisätty");
  });

  it("opens a form for a missing long text and runs the command with what was submitted", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    const res = await council(b, "news add Viestintä", { channel: "C0NEWS" });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");

    const open = await b.webApi.waitForCall("views.open");
    const view = open.args.view as { callback_id: string; private_metadata: string; title: { text: string }; blocks: unknown[] };
    expect(view).toMatchObject({ type: "modal", callback_id: "council:long-text", title: { text: "Lisää teksti" } });
    expect(JSON.parse(view.private_metadata)).toEqual({ form: { call: { command: "news add", args: { newsGroup: "Viestintä" } }, arg: "news" }, channel: "C0NEWS", user: "U0ALICE" });
    expect(view.blocks).toMatchObject([{ type: "input", element: { type: "plain_text_input", multiline: true } }]);

    const submitted = await sendViewSubmission({
      ...b.target,
      callbackId: "council:long-text",
      privateMetadata: view.private_metadata,
      values: { "council-long-text": { text: plainTextValue('Kevätforum 2027 -- Ilmoittautuminen on "auki".\nTervetuloa!') } },
    });
    expect(submitted.status).toBe(200);
    const answer = await b.webApi.waitForCall("chat.postEphemeral");
    expect(answer.args).toMatchObject({ channel: "C0NEWS", user: "U0ALICE" });
    expect(blocksText(answer.args.blocks)).toContain("Uutinen *Kevätforum 2027*");
  });

  it("gives agenda add a form for the item text, and the item lands on the next meeting's agenda", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    await council(b, "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali");
    await council(b, "agenda add Viestintä", { channel: "C0AGENDA" });
    const view = (await b.webApi.waitForCall("views.open")).args.view as { private_metadata: string; blocks: { label: { text: string } }[] };
    expect(view.blocks[0]?.label.text).toContain("/council agenda add");
    await sendViewSubmission({
      ...b.target,
      callbackId: "council:long-text",
      privateMetadata: view.private_metadata,
      values: { "council-long-text": { text: plainTextValue("Budjetti 2031 -- Luonnos liitteenä https://example.fi/budjetti") } },
    });
    const answer = await b.webApi.waitForCall("chat.postEphemeral");
    expect(answer.args).toMatchObject({ channel: "C0AGENDA", user: "U0ALICE" });
    expect(blocksText(answer.args.blocks)).toContain("Budjetti 2031");
    const agenda = await council(b, "agenda list Viestintä");
    expect(blocksText(agenda.ack.blocks)).toContain("Budjetti 2031");
  });

  it("acknowledges a slow command in time and answers through the response_url", async () => {
    const b = await bot({
      dispatcher: (real) => ({
        ...real,
        run: async (request, input) => {
          await new Promise((resolve) => setTimeout(resolve, 2500));
          return real.run(request, input);
        },
      }),
    });
    const res = await council(b, "group create Viestintä", { id: "slow" });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(3000);
    expect(res.text).toBe("");
    const later = (await b.webApi.waitForResponse("slow", undefined, 5000)) as { response_type: string; blocks: unknown[] };
    expect(later.response_type).toBe("ephemeral");
    expect(blocksText(later.blocks)).toContain("Työryhmä *Viestintä* perustettu.");
  });

  it("splits a reply too big for one message and marks the parts; nothing is lost", async () => {
    const items = Array.from({ length: 60 }, (_, i) => `item-${String(i + 1).padStart(2, "0")} ${"x".repeat(1990)}`);
    const long = Array.from({ length: 1400 }, () => "sana").join(" ");
    const b = await bot({ dispatcher: (real) => ({ ...real, run: async () => onlyYou(heading("Iso"), list(items), text(long)) }) });
    const res = await council(b, "anything", { id: "big" });
    const second = (await b.webApi.waitForResponse("big")) as { blocks: unknown[]; text: string };
    const messages = [res.ack, second];
    for (const m of messages) expect((m.blocks ?? []).length).toBeLessThanOrEqual(50);
    const all = messages.map((m) => blocksText(m.blocks)).join("\n");
    expect(blocksText(res.ack.blocks)).toContain("(1/2)");
    expect(blocksText(second.blocks)).toContain("(2/2)");
    for (const item of items) expect(all.split(item.slice(0, 7)).length - 1).toBe(1);
    expect(all.match(/x{1990}/g)).toHaveLength(60);
    expect(all.match(/\bsana\b/g)).toHaveLength(1400);
    for (const m of messages) {
      for (const block of (m.blocks ?? []) as { text?: { text: string } }[]) expect((block.text?.text ?? "").length).toBeLessThanOrEqual(3000);
    }
  });

  it("runs a menu choice whose call is too long for a Block Kit value, and says when a choice is not one of ours", async () => {
    const ran: unknown[] = [];
    const longName = "Pitkä otsikko";
    const longCall = { command: "news add", args: { newsGroup: "-", news: `${longName} -- ${"sana ".repeat(40).trim()}` } };
    const b = await bot({
      dispatcher: (real) => ({
        ...real,
        run: async (request, input) => {
          ran.push(input);
          if ("line" in input && input.line === "menu") return onlyYou(select("Valitse", [{ label: "Pitkä", call: longCall }]));
          return real.run(request, input);
        },
      }),
    });
    const res = await council(b, "menu");
    const menu = (res.ack.blocks as { type: string; elements?: { action_id: string; options: { value: string }[] }[] }[]).find((x) => x.type === "actions")
      ?.elements?.[0];
    const value = menu?.options[0]?.value ?? "";
    expect(value.length).toBeLessThanOrEqual(150);
    await sendInteractive(
      b.target,
      blockActionPayload({ actionId: menu?.action_id ?? "", selectedOption: { value }, responseUrl: b.webApi.responseUrl("pick") }),
    );
    const answer = (await b.webApi.waitForResponse("pick")) as { replace_original: boolean; blocks: unknown[] };
    expect(ran).toEqual([{ line: "menu" }, longCall]);
    expect(blocksText(answer.blocks)).toContain(longName);
    // The menu was on a message everyone may see: the answer does not replace it.
    expect(answer.replace_original).toBe(false);

    await sendInteractive(
      b.target,
      blockActionPayload({ actionId: "council:run:1", selectedOption: { value: "council:token:feedbeef" }, responseUrl: b.webApi.responseUrl("old") }),
    );
    expect(blocksText(((await b.webApi.waitForResponse("old")) as { blocks: unknown[] }).blocks)).toContain("vanhentunut");
    expect(ran).toHaveLength(2);
  });

  it("answers by direct message when it cannot post an ephemeral reply where the form was opened", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    b.webApi.respondWith("chat.postEphemeral", { ok: false, error: "channel_not_found" });
    await sendViewSubmission({
      ...b.target,
      callbackId: "council:long-text",
      privateMetadata: JSON.stringify({ form: { call: { command: "news add", args: { newsGroup: "Viestintä" } }, arg: "news" }, channel: "G0SECRET", user: "U0ALICE" }),
      values: { "council-long-text": { text: plainTextValue("Otsikko -- Teksti") } },
    });
    const dm = await b.webApi.waitForCall("chat.postMessage");
    expect(dm.args.channel).toMatch(/^D/);
    expect(blocksText(dm.args.blocks)).toContain("Uutinen *Otsikko*");
  });

  it("rejects a forged signature and a stale timestamp with 401 and runs nothing", async () => {
    const b = await bot();
    const base = { ...b.target, command: "/council", text: "group create Viestintä", responseUrl: b.webApi.responseUrl("x") };
    const forged = await sendSlashCommand({ ...base, badSignature: true });
    const stale = await sendSlashCommand({ ...base, staleTimestamp: true });
    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(b.webApi.calls.map((c) => c.method)).toEqual(["auth.test"]);
    // The group was never created: creating it now succeeds.
    const res = await council(b, "group create Viestintä");
    expect(blocksText(res.ack.blocks)).toContain("perustettu");
  });
});

describe("Slack adapter: the chat port", () => {
  it("waits out a 429 and posts the announcement exactly once", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    await council(b, "group rules Viestintä joining open");
    await council(b, "group link-channel Viestintä", { channel: "C0VIESTINTA" });
    await b.webApi.waitForCall("chat.postMessage");
    b.webApi.reset();
    b.webApi.rateLimitNext("chat.postMessage", 1);
    await council(b, "group join Viestintä", { user: "U0BOB" });
    await b.webApi.waitForCall("chat.postMessage", undefined, 5000);
    expect(b.webApi.callsTo("chat.postMessage", { includeRateLimited: true }).map((c) => c.status)).toEqual([429, 200]);
    expect(b.webApi.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("throws ChatRateLimited when the web client gives up on a rate limit", async () => {
    const b = await bot();
    b.webApi.rateLimitNext("chat.postMessage", 0, 5);
    const error = await b.adapter.chat.post("slack:T0COUNCIL:C0GENERAL", onlyYou(text("Hei"))).catch((e: unknown) => e);
    expect(isRateLimited(error)).toBe(true);
    expect(b.webApi.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("sends a direct message through conversations.open and creates a channel with members and topic", async () => {
    const b = await bot();
    await b.adapter.chat.directMessage("slack:T0COUNCIL:U0BOB", onlyYou(text("Muistutus: *kokous* huomenna")));
    const opened = await b.webApi.waitForCall("conversations.open");
    expect(opened.args.users).toBe("U0BOB");
    const dm = await b.webApi.waitForCall("chat.postMessage");
    expect(dm.args.channel).toMatch(/^D/);
    expect(blocksText(dm.args.blocks)).toContain("Muistutus: *kokous* huomenna");

    const id = await b.adapter.chat.createChannel?.("Viestintä ja Media", ["slack:T0COUNCIL:U0ALICE", "slack:T0COUNCIL:U0BOB"]);
    const created = await b.webApi.waitForCall("conversations.create");
    expect(created.args.name).toBe("viestinta-ja-media");
    expect(id).toBe(`slack:T0COUNCIL:${(created.response as { channel: { id: string } }).channel.id}`);
    expect((await b.webApi.waitForCall("conversations.invite")).args.users).toBe("U0ALICE,U0BOB");
    expect((await b.webApi.waitForCall("conversations.setTopic")).args.topic).toBe("Viestintä ja Media");
  });
});

describe("Slack adapter: App Home", () => {
  it("publishes the person's own groups when the Home tab opens", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    await council(b, "group create Talous", { user: "U0BOB" });
    const res = await sendEvent({ ...b.target, event: { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home" } });
    expect(res.status).toBe(200);
    const published = await b.webApi.waitForCall("views.publish");
    expect(published.args.user_id).toBe("U0ALICE");
    const shown = blocksText((published.args.view as { blocks: unknown[] }).blocks);
    expect(shown).toContain("Omat työryhmäsi");
    expect(shown).toContain("Viestintä");
    expect(shown).not.toContain("Talous");
    // Nothing scheduled yet: no empty meeting section.
    expect(shown).not.toContain("Tulevat kokoukset");
  });

  it("lists the person's upcoming meetings, elections under way and open action items on the Home tab", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    const scheduled = await council(b, "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali");
    expect(blocksText(scheduled.ack.blocks)).toContain("Viestintä");
    const action = await council(b, "action add Viestintä <@U0ALICE> 15.12.2030 Kirjoittaa pääkirjoituksen");
    expect(blocksText(action.ack.blocks)).toContain("Tehtävä 1");
    const created = await council(b, "election create Viestintä 1 plurality Puheenjohtaja 2031");
    const id = /election open-nominations (\w+)/.exec(blocksText(created.ack.blocks))?.[1] ?? "";
    await council(b, `election open-nominations ${id}`);
    await sendEvent({ ...b.target, event: { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home" } });
    const published = await b.webApi.waitForCall("views.publish");
    const blocks = (published.args.view as { blocks: { type: string }[] }).blocks;
    expect(blocks.length).toBeLessThanOrEqual(100);
    const shown = blocksText(blocks);
    expect(shown).toContain("Tulevat kokoukset");
    expect(shown).toMatch(/Viestintä 1\. .*3\.12\.2030.* · Maakuntasali · kutsuttu koolle/);
    expect(shown).toContain("Omat avoimet tehtäväsi");
    expect(shown).toContain("Kirjoittaa pääkirjoituksen");
    expect(id).not.toBe("");
    expect(shown).toContain("Käynnissä olevat vaalit");
    expect(shown).toContain(`Viestintä: \`${id}\` · Puheenjohtaja 2031`);
  });

  it("shows on the Home tab the same overview as /council overview: open agendas and whether the person has voted", async () => {
    const b = await bot();
    await council(b, "group create Viestintä");
    await council(b, "meeting schedule Viestintä 3.12.2030 klo 14 Maakuntasali");
    const created = await council(b, "election create Viestintä 1 plurality Puheenjohtaja 2031");
    const id = /election open-nominations (\w+)/.exec(blocksText(created.ack.blocks))?.[1] ?? "";
    await council(b, `election open-nominations ${id}`);
    await council(b, `election nominate ${id}`);
    await council(b, `election accept ${id} --confirm`);
    await council(b, `election open ${id} --confirm`);
    // Each opening of the tab publishes anew: read the publish not seen before.
    const seen = new Set<unknown>();
    const home = async () => {
      await sendEvent({ ...b.target, event: { type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home" } });
      const published = await b.webApi.waitForCall("views.publish", (call) => !seen.has(call));
      seen.add(published);
      return blocksText((published.args.view as { blocks: unknown[] }).blocks);
    };
    const before = await home();
    expect(before).toContain("Esityslistoille voi vielä jättää asioita");
    expect(before).toMatch(/Viestintä, kokous 1: .*30\.11\.2030.* asti/);
    expect(before).toContain(`voit äänestää: /council election ballot ${id}`);
    // The command and the Home tab are one core reply.
    expect(blocksText((await council(b, "overview")).ack.blocks)).toBe(before);

    await council(b, `election vote ${id} 1 --confirm`);
    const after = await home();
    expect(after).toContain("olet äänestänyt");
    expect(after).not.toContain("voit äänestää");
  });

  it("turns a message into a news item through the 'Add to newsletter' message shortcut", async () => {
    const b = await bot();
    const res = await sendMessageShortcut({
      ...b.target,
      callbackId: "council_add_to_newsletter",
      responseUrl: b.webApi.responseUrl("shortcut"),
      message: { text: "Järjestöfoorumi 2027\nIlmoittautuminen on auki. https://example.fi/foorumi" },
    });
    expect(res.status).toBe(200);
    const answer = await b.webApi.waitForResponse("shortcut");
    expect(JSON.stringify(answer)).toContain("Järjestöfoorumi 2027");
    const listed = await council(b, "news list");
    expect(blocksText(listed.ack.blocks)).toContain("Järjestöfoorumi 2027");
  });
});
