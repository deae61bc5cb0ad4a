/**
 * Proves the Discord protocol harness against a minimal, REAL discord.js Client built here (not
 * the council adapter): login over the local gateway, interactions and their callbacks, webhook
 * edits, modals, components, a resumed session and a 429 retried by @discordjs/rest.
 */
import { once } from 'node:events';
import {
  AttachmentBuilder,
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CallbackType, FIXTURE_IDS, startFakeDiscord, type FakeDiscord, type Json } from './index.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Reverse order: the client is destroyed before the server it talks to goes away, so it never
  // starts reconnecting to a closed port.
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function fakeDiscord(): Promise<FakeDiscord> {
  const fake = await startFakeDiscord();
  cleanups.push(() => fake.close());
  return fake;
}

/** A real Client with only the Guilds intent, logged in against the fake and fully ready. */
async function readyClient(fake: FakeDiscord, onInteraction?: (interaction: Interaction) => Promise<void>): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  cleanups.push(() => client.destroy());
  const errors: unknown[] = [];
  if (onInteraction) {
    client.on(Events.InteractionCreate, (interaction) => {
      onInteraction(interaction).catch((error: unknown) => errors.push(error));
    });
  }
  cleanups.push(async () => expect(errors).toEqual([]));
  const ready = once(client, Events.ClientReady);
  await client.login('fake-bot-token');
  await ready;
  return client as Client<true>;
}

describe('fake Discord: gateway login', () => {
  it('(a) logs in, caches the guild from GUILD_CREATE and records the identify intents', async () => {
    const fake = await fakeDiscord();
    const client = await readyClient(fake);

    expect(client.user.id).toBe(FIXTURE_IDS.bot);
    expect(client.user.bot).toBe(true);
    expect(client.application.id).toBe(FIXTURE_IDS.application);
    const guild = client.guilds.cache.get(FIXTURE_IDS.guild);
    expect(guild?.name).toBe('Aluevaltuusto');
    expect(guild?.channels.cache.get(FIXTURE_IDS.councilChannel)?.parentId).toBe(FIXTURE_IDS.workingGroupsCategory);
    expect(guild?.roles.cache.get(FIXTURE_IDS.adminRole)?.name).toBe('Puheenjohtajisto');
    expect(guild?.members.cache.get(FIXTURE_IDS.memberUser)?.nickname).toBe('Mikko');

    expect(fake.identifyCount).toBe(1);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(fake.identifies[0]?.payload.token).toBe('[redacted]');
    expect(fake.connections[0]).toMatchObject({ path: '/gateway', query: { v: '10', encoding: 'json' } });
    const gatewayBot = fake.callsTo('GET', '/gateway/bot');
    expect(gatewayBot).toHaveLength(1);
    expect(gatewayBot[0]).toMatchObject({ apiVersion: 10, authScheme: 'Bot', headers: { authorization: 'Bot [redacted]' } });
    expect(fake.dispatches.map((d) => [d.t, d.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
    ]);
  });
});

describe('fake Discord: interactions', () => {
  it('(b) delivers a chat-input command and records the reply callback', async () => {
    const fake = await fakeDiscord();
    const seen: Json[] = [];
    await readyClient(fake, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push({
        group: interaction.options.getSubcommandGroup(),
        subcommand: interaction.options.getSubcommand(),
        name: interaction.options.getString('name'),
        user: interaction.user.id,
        member: interaction.member?.user.id,
        guild: interaction.guildId,
        channel: interaction.channelId,
        locale: interaction.locale,
        appId: interaction.applicationId,
      });
      await interaction.reply({ content: `Ryhmä ${interaction.options.getString('name')} luotu`, flags: MessageFlags.Ephemeral });
    });

    const sent = fake.sendChatInput({ name: 'council', group: 'group', subcommand: 'create', options: { name: 'Viestintä' } });
    const callback = await fake.waitForCallback(sent);

    expect(seen).toEqual([
      {
        group: 'group',
        subcommand: 'create',
        name: 'Viestintä',
        user: FIXTURE_IDS.chairUser,
        member: FIXTURE_IDS.chairUser,
        guild: FIXTURE_IDS.guild,
        channel: FIXTURE_IDS.generalChannel,
        locale: 'fi',
        appId: FIXTURE_IDS.application,
      },
    ]);
    expect(callback.type).toBe(CallbackType.ChannelMessageWithSource);
    expect(callback.data).toMatchObject({ content: 'Ryhmä Viestintä luotu', flags: MessageFlags.Ephemeral });
    expect(callback.call.path).toBe(`/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.call.query).toEqual({ with_response: 'false' });
    expect(callback.call.authScheme).toBeNull();
    expect(callback.call.status).toBe(204);
  });

  it('(c) defers, then edits @original through the interaction webhook', async () => {
    const fake = await fakeDiscord();
    const edited: string[] = [];
    await readyClient(fake, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const message = await interaction.editReply('Kokous lisätty kalenteriin');
      edited.push(message.content);
    });

    const sent = fake.sendChatInput({ name: 'council', subcommand: 'meeting', options: { when: 'torstai 18:00' } });
    const edit = await fake.waitForCall('PATCH', '/webhooks/:appId/:token/messages/@original');

    const callbacks = fake.callsTo('POST', '/interactions/:id/:token/callback');
    expect(callbacks.map((c) => (c.body as Json).type)).toEqual([CallbackType.DeferredChannelMessageWithSource]);
    expect(edit.path).toBe(`/webhooks/${FIXTURE_IDS.application}/${sent.token}/messages/@original`);
    expect(edit.body).toMatchObject({ content: 'Kokous lisätty kalenteriin' });
    expect(edit.authScheme).toBeNull();
    await expect.poll(() => edited).toEqual(['Kokous lisätty kalenteriin']);
    const original = fake.messagesIn(FIXTURE_IDS.generalChannel).at(-1);
    expect(original).toMatchObject({ content: 'Kokous lisätty kalenteriin', flags: 0, type: 20 });
  });

  it('(d) shows a modal (callback 9) and handles its submission', async () => {
    const fake = await fakeDiscord();
    const fromResponse: string[] = [];
    await readyClient(fake, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const modal = new ModalBuilder()
          .setCustomId('group-create')
          .setTitle('Uusi työryhmä')
          .addLabelComponents(
            new LabelBuilder()
              .setLabel('Nimi')
              .setTextInputComponent(new TextInputBuilder().setCustomId('name').setStyle(TextInputStyle.Short)),
          );
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit()) {
        const response = await interaction.reply({
          content: `Luodaan ${interaction.fields.getTextInputValue('name')}`,
          flags: MessageFlags.Ephemeral,
          withResponse: true,
        });
        fromResponse.push(response.resource?.message?.content ?? '(no message)');
      }
    });

    const command = fake.sendChatInput({ name: 'council', group: 'group', subcommand: 'create' });
    const shown = await fake.waitForCallback(command);
    expect(shown.type).toBe(CallbackType.Modal);
    expect(shown.data).toMatchObject({ custom_id: 'group-create', title: 'Uusi työryhmä' });
    expect(JSON.stringify(shown.data?.components)).toContain('"custom_id":"name"');

    const submit = fake.sendModalSubmit({ customId: 'group-create', fields: { name: 'Viestintä' } });
    const reply = await fake.waitForCallback(submit);
    expect(reply.type).toBe(CallbackType.ChannelMessageWithSource);
    expect(reply.data).toMatchObject({ content: 'Luodaan Viestintä' });
    // withResponse: true asks for the callback response object instead of a 204.
    expect(reply.call.query).toEqual({ with_response: 'true' });
    expect(reply.call.status).toBe(200);
    await expect.poll(() => fromResponse).toEqual(['Luodaan Viestintä']);
  });

  it('(e) answers a button with an update (callback 7) that edits the clicked message', async () => {
    const fake = await fakeDiscord();
    await readyClient(fake, async (interaction) => {
      if (interaction.isButton()) await interaction.update({ content: `Äänesi (${interaction.customId}) on kirjattu`, components: [] });
    });

    const click = fake.sendButton({ customId: 'vote:yes' });
    const callback = await fake.waitForCallback(click);

    expect(callback.type).toBe(CallbackType.UpdateMessage);
    expect(callback.data).toMatchObject({ content: 'Äänesi (vote:yes) on kirjattu', components: [] });
    const clicked = fake.world.messages.get(String((click.payload.message as Json).id));
    expect(clicked).toMatchObject({ content: 'Äänesi (vote:yes) on kirjattu', components: [] });
  });

  it('also drives autocomplete, string selects, message commands, follow-ups with files and command registration', async () => {
    const fake = await fakeDiscord();
    const client = await readyClient(fake, async (interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}ntä`, value: 'viestinta' }]);
      } else if (interaction.isStringSelectMenu()) {
        await interaction.deferUpdate();
        await interaction.followUp({ content: `Valittu: ${interaction.values.join(', ')}`, flags: MessageFlags.Ephemeral });
      } else if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply({
          content: `Raportoitu: ${interaction.targetMessage.content}`,
          files: [new AttachmentBuilder(Buffer.from('pöytäkirja'), { name: 'raportti.txt' })],
        });
      }
    });

    const registered = await client.application.commands.set(
      [
        { name: 'council', description: 'Valtuusto' },
        { name: 'Raportoi', type: 3 },
      ],
      FIXTURE_IDS.guild,
    );
    const put = fake.callsTo('PUT', '/applications/:appId/guilds/:guildId/commands');
    expect(put).toHaveLength(1);
    expect(registered.map((c) => c.name).sort()).toEqual(['Raportoi', 'council']);

    const auto = await fake.waitForCallback(fake.sendAutocomplete({ name: 'council', subcommand: 'join', options: { group: 'Viesti' }, focused: 'group' }));
    expect(auto).toMatchObject({ type: CallbackType.ApplicationCommandAutocompleteResult, data: { choices: [{ name: 'Viestintä', value: 'viestinta' }] } });

    fake.sendStringSelect({ customId: 'pick-group', values: ['talous', 'viestinta'] });
    const followUp = await fake.waitForCall('POST', '/webhooks/:appId/:token');
    expect(followUp.query.wait).toBe('true');
    expect(followUp.body).toMatchObject({ content: 'Valittu: talous, viestinta', flags: MessageFlags.Ephemeral });
    expect(fake.callsTo('POST', '/interactions/:id/:token/callback').map((c) => (c.body as Json).type)).toContain(CallbackType.DeferredMessageUpdate);

    const report = fake.sendMessageCommand({ name: 'Raportoi' });
    expect((report.payload.data as Json).id).toBe(registered.find((c) => c.name === 'Raportoi')?.id);
    const reply = await fake.waitForCallback(report);
    expect(reply.call.encoding).toBe('multipart');
    expect(reply.data).toMatchObject({ content: 'Raportoitu: Kokous siirtyy torstaille klo 18.', attachments: [{ id: '0' }] });
    // The file name travels only in the multipart part; payload_json refers to it as id '0'.
    expect(reply.call.files.map((f) => [f.field, f.name, f.data.toString('utf8')])).toEqual([['files[0]', 'raportti.txt', 'pöytäkirja']]);
    const original = fake.world.messages.get(String(fake.messagesIn(FIXTURE_IDS.generalChannel).at(-1)?.id));
    expect(original?.attachments).toMatchObject([{ filename: 'raportti.txt', size: Buffer.byteLength('pöytäkirja') }]);
  });
});

describe('fake Discord: REST routes an adapter uses', () => {
  it('creates DMs, channels under a category, threads, edits, and answers unknown routes with 404', async () => {
    const fake = await fakeDiscord();
    const client = await readyClient(fake);
    const guild = client.guilds.cache.get(FIXTURE_IDS.guild);
    if (!guild) throw new Error('guild not cached');

    const dm = await (await client.users.fetch(FIXTURE_IDS.memberUser)).send('Muistutus: kokous huomenna');
    expect(fake.callsTo('POST', '/users/@me/channels')[0]?.body).toEqual({ recipient_id: FIXTURE_IDS.memberUser });
    expect(fake.world.channels.get(dm.channelId)).toMatchObject({ type: ChannelType.DM });

    const created = await guild.channels.create({
      name: 'viestinta',
      parent: FIXTURE_IDS.workingGroupsCategory,
      permissionOverwrites: [
        { id: FIXTURE_IDS.everyoneRole, deny: [PermissionFlagsBits.ViewChannel] },
        { id: FIXTURE_IDS.memberUser, allow: [PermissionFlagsBits.ViewChannel] },
      ],
    });
    const createCall = fake.callsTo('POST', '/guilds/:guildId/channels')[0];
    expect(createCall?.body).toMatchObject({
      name: 'viestinta',
      parent_id: FIXTURE_IDS.workingGroupsCategory,
      permission_overwrites: [
        { id: FIXTURE_IDS.everyoneRole, type: 0, deny: String(PermissionFlagsBits.ViewChannel) },
        { id: FIXTURE_IDS.memberUser, type: 1, allow: String(PermissionFlagsBits.ViewChannel) },
      ],
    });
    expect(created.parentId).toBe(FIXTURE_IDS.workingGroupsCategory);
    // Discord also announces the channel over the gateway (Guilds intent); discord.js dedupes it.
    await expect.poll(() => fake.dispatches.some((d) => d.t === 'CHANNEL_CREATE')).toBe(true);

    await created.edit({ topic: 'Viestintätyöryhmä' });
    expect(fake.callsTo('PATCH', '/channels/:channelId')[0]?.body).toMatchObject({ topic: 'Viestintätyöryhmä' });
    const thread = await created.threads.create({ name: 'Kokous 12.3.' });
    expect(thread.parentId).toBe(created.id);
    expect(fake.callsTo('POST', '/channels/:channelId/threads')[0]?.body).toMatchObject({ name: 'Kokous 12.3.', type: ChannelType.PublicThread });

    const posted = await created.send('Esityslista');
    await posted.edit('Esityslista (päivitetty)');
    expect(fake.world.messages.get(posted.id)).toMatchObject({ content: 'Esityslista (päivitetty)' });

    await expect(client.rest.get('/guilds/1/audit-logs')).rejects.toMatchObject({ status: 404 });
    expect(fake.calls.filter((c) => !c.matched).map((c) => [c.method, c.path, c.status])).toEqual([['GET', '/guilds/1/audit-logs', 404]]);
  });
});

describe('fake Discord: resilience', () => {
  it('(f) resumes after a 4000 close on resume_gateway_url, replaying what was missed', async () => {
    const fake = await fakeDiscord();
    const client = await readyClient(fake);
    const rolesCreated: string[] = [];
    client.on(Events.GuildRoleCreate, (role) => rolesCreated.push(role.name));
    const role = (id: string, name: string): Json => ({
      guild_id: FIXTURE_IDS.guild,
      role: { id, name, color: 0, hoist: false, position: 3, permissions: '0', managed: false, mentionable: false, flags: 0 },
    });

    await fake.dropConnection(4000);
    // Sent while the client is away: Discord buffers it and replays it after RESUME.
    fake.dispatch('GUILD_ROLE_CREATE', role('1200000000000000001', 'Vaalitoimikunta'));
    const resumed = await fake.waitForResume();
    fake.dispatch('GUILD_ROLE_CREATE', role('1200000000000000002', 'Talousryhmä'));
    await expect.poll(() => rolesCreated).toEqual(['Vaalitoimikunta', 'Talousryhmä']);

    expect(resumed).toMatchObject({ accepted: true, seq: 2, replayed: 1, sessionId: fake.dispatches[0]?.sessionId });
    expect(fake.identifyCount).toBe(1);
    expect(fake.connections.map((c) => c.path)).toEqual(['/gateway', '/resume']);
    expect(fake.connections[0]?.closeCode).toBe(4000);
    const resumeFrame = fake.gatewayFrames.find((f) => f.op === 6);
    expect(resumeFrame?.d).toMatchObject({ token: '[redacted]', seq: 2 });
    expect(fake.dispatches.map((d) => [d.t, d.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
      ['GUILD_ROLE_CREATE', 3],
      ['GUILD_ROLE_CREATE', 5],
    ]);
  });

  it('(g) retries a 429 on POST /channels/:id/messages after retry_after and records it once', async () => {
    const fake = await fakeDiscord();
    const client = await readyClient(fake);
    const channel = client.channels.cache.get(FIXTURE_IDS.generalChannel) as TextChannel;
    fake.rateLimitNext('POST', '/channels/:channelId/messages', 0.2);

    const started = Date.now();
    const message = await channel.send('Kokouskutsu: torstai klo 18');
    const elapsed = Date.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(200);
    const attempts = fake.callsTo('POST', '/channels/:channelId/messages', { includeRateLimited: true });
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(fake.callsTo('POST', '/channels/:channelId/messages')).toHaveLength(1);
    expect(fake.messagesIn(FIXTURE_IDS.generalChannel).filter((m) => m.content === 'Kokouskutsu: torstai klo 18')).toHaveLength(1);
    expect(message.id).toBe((attempts[1]?.response as Json).id);
  });
});
