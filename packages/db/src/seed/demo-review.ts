import { addMonths, isValidMonth } from '@autonomy/domain';

/**
 * The demo's monthly scaling review: the meeting about the month before the latest, held early in
 * the latest month, so that on the first screen one action item is done, one is overdue and one
 * is still to come. Only the content lives here; the API starts the review through the same
 * service as `POST /reviews`, so its snapshot is the demo's real portfolio of that month.
 */
export interface DemoReviewPlan {
  month: string;
  heldOn: string;
  agenda: string;
  notes: string;
  /** Who ran the meeting and recorded everything: the demo executive. */
  chairEmail: string;
  decisions: { text: string; areaSlug?: string }[];
  actionItems: { title: string; ownerEmail: string; areaSlug?: string; dueOn: string; status: 'open' | 'done' }[];
}

const EXECUTIVE = 'exec@demo.example';
const PRIYA = 'priya.raman@demo.example';
const MARCUS = 'marcus.chen@demo.example';

/** `endMonth` is the latest month with figures, as for buildDemoOrganisation; the demo's "today" falls in the month after it. */
export function buildDemoReview(options: { endMonth: string }): DemoReviewPlan {
  const { endMonth } = options;
  if (!isValidMonth(endMonth)) throw new RangeError(`endMonth must be a month written YYYY-MM, got ${endMonth}`);
  const month = addMonths(endMonth, -1);
  return {
    month,
    heldOn: `${endMonth}-08`,
    agenda: [
      'Checkout: critical Chipotle drift since its move into the central growth org',
      'Mobile: its first month of drift, and a revenue miss',
      'Marketplace: ownership eroding without more centralisation',
      'Identity: no figures this month',
    ]
      .map((item, index) => `${index + 1}. ${item}`)
      .join('\n'),
    notes:
      "Identity's figures for the month had not arrived; the review went ahead without them.\n" +
      'Most of the time went on Checkout: the central growth org now sets its target and runs its hiring.',
    chairEmail: EXECUTIVE,
    decisions: [
      { text: 'Checkout sets its own revenue target again from next quarter; the growth org stops assigning it.', areaSlug: 'checkout' },
      { text: 'No more of Mobile’s marketing or sales moves into the shared pool before the next review.', areaSlug: 'mobile' },
    ],
    actionItems: [
      {
        title: 'Write down when growth marketing may be centralised, and share it with every area lead',
        ownerEmail: EXECUTIVE,
        dueOn: `${endMonth}-20`,
        status: 'done',
      },
      // Due before the month the demo is seen in: overdue on its first screen.
      {
        title: 'Hand Checkout’s hiring back to its lead, with a recruiter in the team',
        ownerEmail: PRIYA,
        areaSlug: 'checkout',
        dueOn: `${endMonth}-28`,
        status: 'open',
      },
      {
        title: 'Bring Mobile’s approval latency back under a week',
        ownerEmail: MARCUS,
        areaSlug: 'mobile',
        dueOn: `${addMonths(endMonth, 2)}-15`,
        status: 'open',
      },
    ],
  };
}
