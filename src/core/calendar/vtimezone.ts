import { DateTime } from "luxon";

const offset = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
};
const localTime = (utcHour: number, offsetMinutes: number): string => {
  const minutes = utcHour * 60 + offsetMinutes;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}00`;
};

/**
 * The VTIMEZONE of a zone, for ical-generator's `timezone.generator`: calendar clients that do not
 * know the zone by name still place the meeting right. Offsets come from the zone's own rules
 * (luxon); a zone with summer time is given the EU rule (last Sunday of March and of October at
 * 01:00 UTC), which is Europe/Helsinki's and every EU zone's; other zones get their standard time.
 */
export function vtimezone(zone: string): string | null {
  const year = DateTime.now().setZone(zone).year;
  if (!DateTime.now().setZone(zone).isValid) return null;
  const winter = DateTime.fromObject({ year, month: 1, day: 15 }, { zone }).offset;
  const summer = DateTime.fromObject({ year, month: 7, day: 15 }, { zone }).offset;
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  if (winter === summer) {
    lines.push("BEGIN:STANDARD", `TZOFFSETFROM:${offset(winter)}`, `TZOFFSETTO:${offset(winter)}`, "DTSTART:19700101T000000", "END:STANDARD");
  } else {
    lines.push(
      "BEGIN:DAYLIGHT",
      `TZOFFSETFROM:${offset(winter)}`,
      `TZOFFSETTO:${offset(summer)}`,
      `DTSTART:19700329T${localTime(1, winter)}`,
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      `TZOFFSETFROM:${offset(summer)}`,
      `TZOFFSETTO:${offset(winter)}`,
      `DTSTART:19701025T${localTime(1, summer)}`,
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
      "END:STANDARD",
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
