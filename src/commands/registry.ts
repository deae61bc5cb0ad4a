import { minutesCommands } from "./minutes/index.ts";
import type { CommandDefinition } from "./define.ts";
import { groupAccept, groupDecline } from "./group/answer-request.ts";
import { groupAdd } from "./group/add.ts";
import { groupArchive } from "./group/archive.ts";
import { groupCreate } from "./group/create.ts";
import { groupCreateChannel } from "./group/create-channel.ts";
import { groupDeputy } from "./group/deputy.ts";
import { groupHistory } from "./group/history.ts";
import { groupInfo } from "./group/info.ts";
import { groupJoin } from "./group/join.ts";
import { groupLeave } from "./group/leave.ts";
import { groupLinkChannel } from "./group/link-channel.ts";
import { groupList } from "./group/list.ts";
import { groupMembers } from "./group/members.ts";
import { groupRemove } from "./group/remove.ts";
import { groupRename } from "./group/rename.ts";
import { groupRequests } from "./group/requests.ts";
import { groupRole } from "./group/role.ts";
import { groupRules } from "./group/rules.ts";
import { cancel } from "./help/cancel.ts";
import { decisionCommands } from "./decide/index.ts";
import { electionCommands } from "./election/index.ts";
import { digestExport } from "./digest/export.ts";
import { digestPreview } from "./digest/preview.ts";
import { digestPublish } from "./digest/publish.ts";
import { digestSchedule } from "./digest/schedule.ts";
import { digestUnschedule } from "./digest/unschedule.ts";
import { newsAdd } from "./news/add.ts";
import { newsFromMessage } from "./news/from-message.ts";
import { newsEdit } from "./news/edit.ts";
import { newsList } from "./news/list.ts";
import { newsRemove } from "./news/remove.ts";
import { remindAdd } from "./remind/add.ts";
import { remindList } from "./remind/list.ts";
import { remindPause } from "./remind/pause.ts";
import { remindRemove } from "./remind/remove.ts";
import { remindResume } from "./remind/resume.ts";
import { help } from "./help/help.ts";
import { meetingCommands } from "./meeting/index.ts";
import { lang } from "./person/lang.ts";
import { profile } from "./person/profile.ts";
import { overview } from "./person/overview.ts";
import { profileSet } from "./person/profile-set.ts";
import { profileVerify } from "./person/profile-verify.ts";
import { groupCalendar } from "./group/calendar.ts";
import { newsletterSubscribe } from "./newsletter/subscribe.ts";
import { newsletterUnsubscribe } from "./newsletter/unsubscribe.ts";
import { sectorAdd } from "./sector/add.ts";
import { sectorList } from "./sector/list.ts";
import { sectorRename } from "./sector/rename.ts";

/** Every `/council` command, in the order help lists them. Each area appends its own. */
export const commands: readonly CommandDefinition[] = [
  help,
  overview,
  lang,
  profile,
  profileSet,
  profileVerify,
  sectorList,
  sectorAdd,
  sectorRename,
  groupCreate,
  groupList,
  groupInfo,
  groupMembers,
  groupJoin,
  groupLeave,
  groupRequests,
  groupAccept,
  groupDecline,
  groupAdd,
  groupRemove,
  groupRole,
  groupDeputy,
  groupRename,
  groupRules,
  groupArchive,
  groupLinkChannel,
  groupCreateChannel,
  groupHistory,
  groupCalendar,
  ...meetingCommands,
  ...minutesCommands,
  ...decisionCommands,
  ...[remindAdd, remindList, remindRemove, remindPause, remindResume],
  ...[newsAdd, newsFromMessage, newsList, newsEdit, newsRemove, digestPreview, digestPublish, digestSchedule, digestUnschedule, digestExport],
  ...[newsletterSubscribe, newsletterUnsubscribe],
  ...electionCommands,
  cancel,
];
