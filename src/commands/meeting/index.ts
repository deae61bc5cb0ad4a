import { actionAdd } from "../action/add.ts";
import { actionDone } from "../action/done.ts";
import { actionList } from "../action/list.ts";
import { agendaAccept } from "../agenda/accept.ts";
import { agendaAddTo } from "../agenda/add-to.ts";
import { agendaAdd } from "../agenda/add.ts";
import { agendaDecide } from "../agenda/decide.ts";
import { agendaDefer } from "../agenda/defer.ts";
import { agendaDissent } from "../agenda/dissent.ts";
import { agendaRecuse } from "../agenda/recuse.ts";
import { agendaList } from "../agenda/list.ts";
import { agendaMove } from "../agenda/move.ts";
import { agendaPublish } from "../agenda/publish.ts";
import { agendaReject } from "../agenda/reject.ts";
import { agendaVote } from "../agenda/vote.ts";
import type { CommandDefinition } from "../define.ts";
import { meetingAttend } from "./attend.ts";
import { meetingCancel } from "./cancel.ts";
import { meetingClose } from "./close.ts";
import { meetingDeadline } from "./deadline.ts";
import { meetingHere } from "./here.ts";
import { meetingList } from "./list.ts";
import { meetingMinutes } from "./minutes.ts";
import { meetingOfficials } from "./officials.ts";
import { meetingOpen } from "./open.ts";
import { meetingRegister, meetingUnregister } from "./register.ts";
import { meetingReschedule } from "./reschedule.ts";
import { meetingSchedule } from "./schedule.ts";
import { meetingShow } from "./show.ts";

/** Meetings, their agenda and action items, in the order help lists them. */
export const meetingCommands: readonly CommandDefinition[] = [
  meetingSchedule,
  meetingList,
  meetingShow,
  meetingReschedule,
  meetingDeadline,
  meetingCancel,
  agendaAdd,
  agendaAddTo,
  agendaList,
  agendaAccept,
  agendaDefer,
  agendaReject,
  agendaMove,
  agendaPublish,
  meetingOpen,
  meetingRegister,
  meetingUnregister,
  meetingAttend,
  meetingHere,
  meetingOfficials,
  agendaDecide,
  agendaVote,
  agendaRecuse,
  agendaDissent,
  actionAdd,
  actionList,
  actionDone,
  meetingClose,
  meetingMinutes,
];
