import { electionAccept } from "./accept.ts";
import { electionBallots } from "./ballots.ts";
import { electionCandidates } from "./candidates.ts";
import { electionCertify } from "./certify.ts";
import { electionClose } from "./close.ts";
import { electionNudge } from "./nudge.ts";
import { electionBallot } from "./ballot.ts";
import { electionCreate } from "./create.ts";
import { electionCriteria } from "./criteria.ts";
import { electionDeputies } from "./deputies.ts";
import { electionExport } from "./export.ts";
import { electionList } from "./list.ts";
import { electionNominate } from "./nominate.ts";
import { electionOpen } from "./open.ts";
import { electionOpenNominations } from "./open-nominations.ts";
import { electionQuota } from "./quota.ts";
import { electionResults } from "./results.ts";
import { electionShow } from "./show.ts";
import { electionTimetable } from "./timetable.ts";
import { electionVote } from "./vote.ts";
import { electionPrevented } from "./prevented.ts";
import { electionWithdraw } from "./withdraw.ts";
import { electionCandidateList } from "./candidate-list.ts";
import { electionTellers } from "./tellers.ts";

/** The election commands in the order help lists them. */
export const electionCommands = [
  electionCreate,
  electionList,
  electionShow,
  electionQuota,
  electionCriteria,
  electionDeputies,
  electionTimetable,
  electionOpenNominations,
  electionNominate,
  electionAccept,
  electionWithdraw,
  electionCandidates,
  electionCandidateList,
  electionOpen,
  electionVote,
  electionBallot,
  electionPrevented,
  electionNudge,
  electionClose,
  electionResults,
  electionBallots,
  electionExport,
  electionTellers,
  electionCertify,
];
