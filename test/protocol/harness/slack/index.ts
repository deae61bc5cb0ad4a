export * from './payloads.ts';
export * from './signed-requests.ts';
export * from './recording-web-api.ts';
export { FakeWorkspace } from './web-api-defaults.ts';
export * from './socket-mode-server.ts';
export * from './capturing-logger.ts';
