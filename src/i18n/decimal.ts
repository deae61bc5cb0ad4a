import { localeTags, type Locale } from "./locale.ts";

export interface DecimalDigits {
  readonly minimumFractionDigits: number;
  readonly maximumFractionDigits: number;
}

const separators: Readonly<Record<Locale, string>> = { fi: ",", en: ".", sv: "," };

/**
 * A number without grouping, as `Intl.NumberFormat(localeTags[locale], { ...digits, useGrouping:
 * false })` writes it: rounded half away from zero on the number's shortest decimal form, then
 * trailing zeros dropped down to the minimum. Written out because building the first Intl
 * formatter of a process loads ICU's locale data, ~25 ms of a ~200 ms `npm run tally`. What only
 * Intl knows (negative numbers' signs, which differ by language, and infinities) goes to Intl.
 */
export function formatDecimal(locale: Locale, value: number, digits: DecimalDigits): string {
  if (!Number.isFinite(value) || value < 0 || Object.is(value, -0)) {
    return new Intl.NumberFormat(localeTags[locale], { ...digits, useGrouping: false }).format(value);
  }
  const [mantissa = "0", exponent = "0"] = value.toExponential().split("e");
  let figures = mantissa.replace(".", "");
  let point = Number(exponent) + 1; // how many of the figures are before the decimal point
  if (point <= 0) {
    figures = "0".repeat(1 - point) + figures;
    point = 1;
  }
  if (figures.length < point) figures = figures.padEnd(point, "0");
  const kept = point + digits.maximumFractionDigits;
  if (figures.length > kept) {
    const up = figures.charCodeAt(kept) >= 53; // "5"
    figures = figures.slice(0, kept);
    if (up) {
      const raised = increment(figures);
      if (raised.length > figures.length) point += 1;
      figures = raised;
    }
  }
  const whole = figures.slice(0, point).replace(/^0+(?=\d)/, "");
  let fraction = figures.slice(point).replace(/0+$/, "");
  if (fraction.length < digits.minimumFractionDigits) fraction = fraction.padEnd(digits.minimumFractionDigits, "0");
  return fraction === "" ? whole : `${whole}${separators[locale]}${fraction}`;
}

/** "1299" -> "1300", "999" -> "1000": a string of decimal figures plus one in its last place. */
function increment(figures: string): string {
  const out = figures.split("");
  for (let i = out.length - 1; i >= 0; i -= 1) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}
