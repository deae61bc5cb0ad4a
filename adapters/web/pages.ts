import { calendarFeedPage } from "./calendar/feed.ts";
import { healthPage } from "./health.ts";
import { newsletterArchivePage } from "./newsletter/archive.ts";
import { newsletterUnsubscribePage } from "./newsletter/unsubscribe.ts";
import { resultsPages } from "./results/routes.ts";
import type { WebPage } from "./server.ts";

/** Every route the HTTP front end serves, one module per page or feed. */
export const webPages: readonly WebPage[] = [healthPage, resultsPages, newsletterUnsubscribePage, newsletterArchivePage, calendarFeedPage];
