/** The dispositions an editor may give, and how a misspelt one is answered. */
import { dispositions, type Disposition } from '../schemas/consultation.ts';
import { didYouMean } from '../util/did-you-mean.ts';

/** Words editors reach for, mapped to the disposition they mean. */
const synonyms: Record<string, Disposition> = {
  rejected: 'declined',
  'not accepted': 'declined',
  partial: 'partially-accepted',
  partially: 'partially-accepted',
  'partly accepted': 'partially-accepted',
  'accepted in part': 'partially-accepted',
  'accepted in principle': 'partially-accepted',
  acknowledged: 'noted',
  'out of scope': 'out-of-scope',
  'partially accepted': 'partially-accepted',
};

/** Whether a value is a disposition. */
export function isDisposition(value: string): value is Disposition {
  return (dispositions as readonly string[]).includes(value);
}

/** The disposition an unknown value most likely means, if any. */
export function suggestDisposition(value: string): Disposition | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');
  return (
    synonyms[key] ?? (didYouMean(key.replace(/ /g, '-'), dispositions) as Disposition | undefined)
  );
}
