import { describe, expect, it } from "vitest";
import { connectPlatform, exitCodeOf, type PlatformCheck } from "../../../src/platform-start.ts";

/** A clock that moves only when the code under test waits. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    wait: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

const unreachable: PlatformCheck = { ok: false, reason: "unreachable", code: "ECONNREFUSED" };
const rejected: PlatformCheck = { ok: false, reason: "rejected", credential: "bot-token", code: "token_revoked" };

describe("connecting to a platform at start-up", () => {
  it("given a rejected token, gives up at once without waiting", async () => {
    const time = fakeTime();
    let attempts = 0;
    const result = await connectPlatform(async () => (attempts++, rejected), { seconds: 30, ...time });
    expect(result).toEqual(rejected);
    expect(attempts).toBe(1);
    expect(exitCodeOf(rejected)).toBe(3);
  });

  it("given an unreachable platform, tries again with growing pauses until the time is up", async () => {
    const time = fakeTime();
    const result = await connectPlatform(async () => unreachable, { seconds: 30, ...time });
    expect(result).toEqual(unreachable);
    expect(time.waits).toEqual([500, 1000, 2000, 4000, 8000, 8000, 6500]);
    expect(time.now()).toBe(30_000);
    expect(exitCodeOf(unreachable)).toBe(4);
  });

  it("given a platform that comes back, connects", async () => {
    const time = fakeTime();
    const answers: PlatformCheck[] = [unreachable, unreachable, { ok: true }];
    const retried: number[] = [];
    const result = await connectPlatform(async () => answers.shift()!, { seconds: 30, ...time, onRetry: (_f, attempt) => retried.push(attempt) });
    expect(result).toEqual({ ok: true });
    expect(retried).toEqual([1, 2]);
  });

  it("given no time to retry, tries once", async () => {
    const time = fakeTime();
    let attempts = 0;
    await connectPlatform(async () => (attempts++, unreachable), { seconds: 0, ...time });
    expect(attempts).toBe(1);
  });
});
