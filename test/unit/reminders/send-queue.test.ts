import { describe, expect, it } from "vitest";
import { SendQueue } from "../../../src/core/reminders/send-queue.ts";
import { ChatRateLimited } from "../../../src/core/shared/chat-errors.ts";

const fakeSleep = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

describe("the per-channel send queue", () => {
  it("given a platform that rate-limits twice, when sending, then it waits as told and the message goes out once", async () => {
    const { waits, sleep } = fakeSleep();
    const queue = new SendQueue({ sleep });
    let calls = 0;
    const sent: string[] = [];
    await queue.send("#c", async () => {
      calls += 1;
      if (calls <= 2) throw new ChatRateLimited(1500);
      sent.push("hello");
    });
    expect(waits).toEqual([1500, 1500]);
    expect(sent).toEqual(["hello"]);
  });

  it("a burst to one channel is delayed in order, not dropped", async () => {
    const { waits, sleep } = fakeSleep();
    const queue = new SendQueue({ sleep });
    const sent: number[] = [];
    let limited = 0;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.send("#c", async () => {
          // Every third message hits the limit once.
          if (i % 3 === 0 && limited <= i) {
            limited = i + 1;
            throw new ChatRateLimited(1000);
          }
          sent.push(i);
        }),
      ),
    );
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(waits.length).toBe(4);
  });

  it("other failures are tried a bounded number of times, then rejected for the caller to keep", async () => {
    const { waits, sleep } = fakeSleep();
    const queue = new SendQueue({ sleep, attempts: 3, backoffMs: 100 });
    let calls = 0;
    await expect(
      queue.send("#c", async () => {
        calls += 1;
        throw new Error("platform down");
      }),
    ).rejects.toThrow("platform down");
    expect(calls).toBe(3);
    expect(waits).toEqual([100, 200]);
    // The queue is not stuck after a failure.
    let ok = false;
    await queue.send("#c", async () => void (ok = true));
    expect(ok).toBe(true);
  });

  it("channels do not wait for each other", async () => {
    const queue = new SendQueue({ sleep: () => new Promise(() => undefined) });
    const stuck = queue.send("#slow", async () => {
      throw new ChatRateLimited(10_000);
    });
    void stuck.catch(() => undefined);
    let other = false;
    await queue.send("#fast", async () => void (other = true));
    expect(other).toBe(true);
  });
});
