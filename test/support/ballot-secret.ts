import { randomBytes } from "node:crypto";

/** The ballot secret a test's bot runs with: one per test process, as one per bot deployment. */
export const testBallotSecret = randomBytes(32);
