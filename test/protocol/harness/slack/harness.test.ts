/**
 * Proves the Slack protocol harness against a minimal, REAL @slack/bolt App built here (not the
 * council adapter): HTTP receiver with signed requests, Web API calls recorded by the fake,
 * response_url, 429 handling by the real WebClient, and Socket Mode over a local WebSocket.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type AppOptions, type BlockAction, type ViewSubmitAction } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCapturingLogger,
  sendBlockAction,
  sendEvent,
  sendMessageShortcut,
  sendShortcut,
  sendSlashCommand,
  sendUrlVerification,
  sendViewSubmission,
  slashCommandPayload,
  blockActionPayload,
  eventCallbackPayload,
  startSlackWebApi,
  startSocketModeServer,
  staticSelectValue,
  type CapturingLogger,
  type SlackWebApi,
} from './index.ts';

const SIGNING_SECRET = 'harness-signing-secret';
const BOT_TOKEN = 'xoxb-harness-bot-token';
const APP_TOKEN = 'xapp-1-harness-app-token';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Reverse order: apps stop before the fake servers they talk to go away, so no client is left
  // reconnecting or retrying against a closed port after the test.
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function fakeWebApi(): Promise<SlackWebApi> {
  const webApi = await startSlackWebApi();
  cleanups.push(() => webApi.close());
  return webApi;
}

interface HttpApp {
  app: App;
  eventsUrl: string;
  logger: CapturingLogger;
}

/** A real Bolt App on its built-in HTTPReceiver, listening on 127.0.0.1 with a free port. */
async function startHttpApp(
  webApi: SlackWebApi,
  register: (app: App) => void,
  extra: Partial<AppOptions> = {},
): Promise<HttpApp> {
  const logger = createCapturingLogger();
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    logger,
    logLevel: LogLevel.DEBUG,
    ...extra,
    clientOptions: { slackApiUrl: webApi.url, ...extra.clientOptions },
  });
  register(app);
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.stop());
  const { port } = server.address() as AddressInfo;
  return { app, eventsUrl: `http://127.0.0.1:${port}/slack/events`, logger };
}

describe('Slack protocol harness against a real Bolt App', () => {
  it('(a) acks a signed /council with an ephemeral body; chat.postMessage is recorded with decoded blocks', async () => {
    const webApi = await fakeWebApi();
    const { eventsUrl } = await startHttpApp(webApi, (app) => {
      app.command('/council', async ({ command, ack, client, respond }) => {
        await ack({ response_type: 'ephemeral', text: `Working on: ${command.text}` });
        await client.chat.postMessage({
          channel: command.channel_id,
          text: 'Meeting scheduled',
          blocks: [{ type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: '*Budget* on Tuesday' } }],
        });
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'Posted.' });
      });
    });

    const res = await sendSlashCommand({
      url: eventsUrl,
      signingSecret: SIGNING_SECRET,
      command: '/council',
      text: 'schedule budget tuesday',
      userId: 'U0BOB',
      channelId: 'C0BUDGET',
      responseUrl: webApi.responseUrl('cmd-1'),
    });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toEqual({ response_type: 'ephemeral', text: 'Working on: schedule budget tuesday' });

    const post = await webApi.waitForCall('chat.postMessage');
    expect(post.encoding).toBe('form');
    expect(post.hasAuthorization).toBe(true);
    expect(post.tokenType).toBe('bot');
    expect(post.args.channel).toBe('C0BUDGET');
    expect(post.args.blocks).toEqual([
      { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: '*Budget* on Tuesday' } },
    ]);
    expect(post.response).toMatchObject({ ok: true, channel: 'C0BUDGET', ts: expect.stringMatching(/^\d+\.\d{6}$/) });

    expect(await webApi.waitForResponse('cmd-1')).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Posted.',
    });
    // Bolt calls auth.test once, from the App constructor (tokenVerificationEnabled defaults to true).
    expect(webApi.callsTo('auth.test')).toHaveLength(1);
  });

  it('(b) block_actions opens a modal with the trigger id; view_submission round-trips state and errors', async () => {
    const webApi = await fakeWebApi();
    const submissions: Array<{ choice: string; meta: string; user: string }> = [];
    const selections: string[] = [];
    const { eventsUrl } = await startHttpApp(webApi, (app) => {
      app.action<BlockAction>('open_vote', async ({ ack, body, client }) => {
        await ack();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'vote_modal',
            private_metadata: JSON.stringify({ electionId: 'e-42' }),
            title: { type: 'plain_text', text: 'Vote' },
            submit: { type: 'plain_text', text: 'Vote' },
            blocks: [
              {
                type: 'input',
                block_id: 'choice_block',
                label: { type: 'plain_text', text: 'Choice' },
                element: {
                  type: 'static_select',
                  action_id: 'choice',
                  options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'yes' }],
                },
              },
            ],
          },
        });
      });
      app.action<BlockAction>('pick_group', async ({ ack, action }) => {
        await ack();
        if (action.type === 'static_select') selections.push(action.selected_option.value);
      });
      app.view<ViewSubmitAction>('vote_modal', async ({ ack, view, body }) => {
        const choice = view.state.values.choice_block?.choice?.selected_option?.value;
        if (!choice) {
          await ack({ response_action: 'errors', errors: { choice_block: 'Pick an option' } });
          return;
        }
        submissions.push({ choice, meta: view.private_metadata, user: body.user.id });
        await ack();
      });
    });

    const target = { url: eventsUrl, signingSecret: SIGNING_SECRET };
    const click = await sendBlockAction({
      ...target,
      actionId: 'open_vote',
      value: 'e-42',
      triggerId: '111.222.trigger',
      responseUrl: webApi.responseUrl('vote-button'),
    });
    expect(click.status).toBe(200);
    expect(click.text).toBe('');

    const open = await webApi.waitForCall('views.open');
    expect(open.args.trigger_id).toBe('111.222.trigger');
    expect(open.args.view).toMatchObject({ type: 'modal', callback_id: 'vote_modal' });
    const opened = open.args.view as { private_metadata: string };

    const select = await sendBlockAction({ ...target, actionId: 'pick_group', selectedOption: { value: 'g-parks', text: 'Parks' } });
    expect(select.status).toBe(200);
    expect(selections).toEqual(['g-parks']);

    const empty = await sendViewSubmission({
      ...target,
      callbackId: 'vote_modal',
      privateMetadata: opened.private_metadata,
      values: { choice_block: { choice: staticSelectValue(null) } },
    });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ response_action: 'errors', errors: { choice_block: 'Pick an option' } });

    const submitted = await sendViewSubmission({
      ...target,
      callbackId: 'vote_modal',
      userId: 'U0CAROL',
      privateMetadata: opened.private_metadata,
      values: { choice_block: { choice: staticSelectValue('yes', 'Yes') } },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');
    expect(submissions).toEqual([{ choice: 'yes', meta: '{"electionId":"e-42"}', user: 'U0CAROL' }]);
  });

  it('(c) rejects a bad signature and a stale timestamp with 401 without running the handler', async () => {
    const webApi = await fakeWebApi();
    let runs = 0;
    const { eventsUrl, logger } = await startHttpApp(webApi, (app) => {
      app.command('/council', async ({ ack }) => {
        runs += 1;
        await ack();
      });
    });
    const base = { url: eventsUrl, signingSecret: SIGNING_SECRET, command: '/council', responseUrl: webApi.responseUrl('x') };

    const forged = await sendSlashCommand({ ...base, badSignature: true });
    const stale = await sendSlashCommand({ ...base, staleTimestamp: true });
    const unsigned = await sendSlashCommand({ ...base, unsigned: true });

    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(runs).toBe(0);
    expect(logger.text('warn')).toContain('signature mismatch');
    expect(logger.text('warn')).toContain('stale');
    // Only the auth.test Bolt fires from the App constructor; nothing came from a listener.
    expect(webApi.calls.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('(d) a 429 with Retry-After: 1 is retried by the WebClient and the message is posted once', async () => {
    const webApi = await fakeWebApi();
    webApi.rateLimitNext('chat.postMessage', 1);
    const { eventsUrl } = await startHttpApp(
      webApi,
      (app) => {
        app.command('/council', async ({ ack, client, command }) => {
          await ack();
          await client.chat.postMessage({ channel: command.channel_id, text: 'Reminder: vote closes today' });
        });
      },
      // The Retry-After pause is the client's own; this only shortens p-retry's extra backoff
      // (1-2 s with the default policy) so the test stays fast.
      { clientOptions: { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } } },
    );

    const res = await sendSlashCommand({
      url: eventsUrl,
      signingSecret: SIGNING_SECRET,
      command: '/council',
      responseUrl: webApi.responseUrl('rl'),
    });
    expect(res.status).toBe(200);

    const delivered = await webApi.waitForCall('chat.postMessage', undefined, 5000);
    const attempts = webApi.callsTo('chat.postMessage', { includeRateLimited: true });
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(delivered.receivedAt - (attempts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
    expect(webApi.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('(e) Socket Mode: the app connects via apps.connections.open and acks a slash command with a payload', async () => {
    const webApi = await fakeWebApi();
    const socket = await startSocketModeServer({ webApi });
    cleanups.push(() => socket.close());
    const logger = createCapturingLogger();
    const app = new App({
      token: BOT_TOKEN,
      appToken: APP_TOKEN,
      socketMode: true,
      logger,
      clientOptions: { slackApiUrl: webApi.url },
    });
    app.command('/council', async ({ ack, command }) => {
      await ack({ response_type: 'ephemeral', text: `Socket says: ${command.text}` });
    });
    app.action<BlockAction>('noop', async ({ ack }) => {
      await ack();
    });
    app.event('app_mention', async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.channel, text: 'Hello from the council bot' });
    });
    await app.start();
    cleanups.push(() => app.stop());
    await socket.connected();

    const open = webApi.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.tokenType).toBe('app');
    expect(open[0]?.hasAuthorization).toBe(true);

    const ack = await socket.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/council', text: 'status', responseUrl: webApi.responseUrl('sock-cmd') }),
    );
    expect(ack.envelope_id).toBe(socket.envelopes[0]?.envelope_id);
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'Socket says: status' });

    const actionAck = await socket.sendEnvelope('interactive', blockActionPayload({ actionId: 'noop' }));
    expect(socket.envelopes[1]?.accepts_response_payload).toBe(false);
    expect(actionAck.payload).toEqual({});

    const eventAck = await socket.sendEnvelope(
      'events_api',
      eventCallbackPayload({ event: { type: 'app_mention', user: 'U0BOB', text: '<@U0COUNCILBOT> hi', channel: 'C0GENERAL' } }),
    );
    expect(eventAck.payload).toEqual({});
    const post = await webApi.waitForCall('chat.postMessage');
    expect(post.args).toMatchObject({ channel: 'C0GENERAL', text: 'Hello from the council bot' });
  });

  it('(f) shortcuts, message shortcuts, Events API and url_verification over HTTP', async () => {
    const webApi = await fakeWebApi();
    const seen: string[] = [];
    const { eventsUrl } = await startHttpApp(webApi, (app) => {
      app.shortcut('new_meeting', async ({ ack, shortcut, client }) => {
        await ack();
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          view: { type: 'modal', callback_id: 'meeting_modal', title: { type: 'plain_text', text: 'Meeting' }, blocks: [] },
        });
      });
      app.shortcut('quote_to_minutes', async ({ ack, shortcut, respond }) => {
        await ack();
        if (shortcut.type === 'message_action') {
          seen.push(`${shortcut.channel.id}:${shortcut.message.ts}:${shortcut.message.text ?? ''}`);
          await respond({ response_type: 'ephemeral', text: 'Added to the minutes.' });
        }
      });
      app.event('app_mention', async ({ event, client }) => {
        const user = await client.users.info({ user: event.user ?? '' });
        await client.chat.postMessage({ channel: event.channel, text: `Hi ${user.user?.real_name ?? '?'}` });
      });
    });
    const target = { url: eventsUrl, signingSecret: SIGNING_SECRET };

    expect((await sendShortcut({ ...target, callbackId: 'new_meeting', triggerId: '9.9.global' })).status).toBe(200);
    expect((await webApi.waitForCall('views.open')).args.trigger_id).toBe('9.9.global');

    const msg = await sendMessageShortcut({
      ...target,
      callbackId: 'quote_to_minutes',
      channelId: 'C0MINUTES',
      responseUrl: webApi.responseUrl('quote'),
      message: { text: 'We agreed on the budget', ts: '1700000000.000100', user: 'U0BOB' },
    });
    expect(msg.status).toBe(200);
    expect(seen).toEqual(['C0MINUTES:1700000000.000100:We agreed on the budget']);
    expect(await webApi.waitForResponse('quote')).toEqual({ response_type: 'ephemeral', text: 'Added to the minutes.' });

    const challenge = await sendUrlVerification({ ...target, challenge: 'c-123' });
    expect(challenge.body).toEqual({ challenge: 'c-123' });

    webApi.setUser('U0DAVE', { real_name: 'Dave Durand', tz: 'Europe/Paris' });
    const evt = await sendEvent({ ...target, event: { type: 'app_mention', user: 'U0DAVE', text: 'hi', channel: 'C0GENERAL', ts: '1700000001.000200' } });
    expect(evt.status).toBe(200);
    const info = await webApi.waitForCall('users.info');
    expect(info.response).toMatchObject({ ok: true, user: { id: 'U0DAVE', real_name: 'Dave Durand', tz: 'Europe/Paris' } });
    expect((await webApi.waitForCall('chat.postMessage')).args.text).toBe('Hi Dave Durand');
  });

  it('(g) the fake Web API: stateful defaults, overrides, delays, unknown methods, auth and JSON bodies', async () => {
    const webApi = await fakeWebApi();
    // Never started: only its real WebClient is used, no receiver port is opened.
    const { client } = new App({
      token: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      logger: createCapturingLogger(),
      clientOptions: { slackApiUrl: webApi.url },
    });

    const created = await client.conversations.create({ name: 'budget-2025' });
    const id = created.channel?.id ?? '';
    expect(id).toMatch(/^C/);
    await expect(client.conversations.create({ name: 'budget-2025' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
    await expect(client.conversations.create({ name: 'Budget 2025' })).rejects.toMatchObject({
      data: { error: 'invalid_name_specials' },
    });
    await client.conversations.setTopic({ channel: id, topic: 'Budget committee' });
    expect((await client.conversations.info({ channel: id })).channel?.topic?.value).toBe('Budget committee');
    const dm = await client.conversations.open({ users: 'U0BOB' });
    expect(dm.channel?.id).toMatch(/^D/);
    expect((await client.conversations.open({ users: 'U0BOB' })).channel?.id).toBe(dm.channel?.id);

    webApi.respondWith('chat.postMessage', (_call, fallback) => ({ ...fallback(), ts: '1700000000.999999' }));
    expect((await client.chat.postMessage({ channel: id, text: 'x' })).ts).toBe('1700000000.999999');
    webApi.restoreDefault('chat.postMessage');
    expect((await client.chat.postMessage({ channel: id, text: 'x' })).ts).not.toBe('1700000000.999999');

    webApi.delay('users.info', 200);
    const started = Date.now();
    await client.users.info({ user: 'U0BOB' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);

    await expect(client.apiCall('council.nothing', { a: 1 })).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    expect(webApi.callsTo('council.nothing')[0]?.args).toEqual({ a: '1' });

    const raw = await fetch(`${webApi.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: id, blocks: [{ type: 'divider' }] }),
    });
    expect(await raw.json()).toEqual({ ok: false, error: 'not_authed' });
    const jsonCall = webApi.calls.at(-1);
    expect(jsonCall).toMatchObject({ encoding: 'json', hasAuthorization: false, args: { blocks: [{ type: 'divider' }] } });
  });
});
