/**
 * How customers answer a support reply on X: it worked, it did not, or no verdict yet. Written for
 * this project (not taken from any data set); the follow-up classifier's evaluation uses them as one
 * of its labelled sources, so keep each list varied, with negations and mixed courtesy.
 */
export const FOLLOW_UP_PHRASES = {
  confirmed: [
    'thanks, that fixed it!',
    'works now, cheers',
    'that did the trick, thank you so much',
    'perfect, all good now',
    'yes!! back to normal after the reset',
    'no longer crashing since the update, thanks',
    'brilliant, problem gone',
    'that worked, appreciate the quick help',
    'sorted, thank you',
    'fixed! you guys are great',
    'Restarted it like you said and it connects fine now',
    'ok that solved it, thanks a lot',
    'all set, it is syncing again',
    'finally working again, thanks for the help',
    'it is fine now, no more errors',
  ],
  failed: [
    'still broken',
    "didn't help at all",
    'tried that, same problem',
    'nope, still not working',
    "that did not work, it still won't connect",
    'no luck, still crashing every hour',
    'not fixed. still getting the same error',
    'thanks but it still fails',
    'made it worse honestly',
    'already tried that, nothing changed',
    "still can't log in",
    "doesn't work, waste of time",
    'no change, still offline',
    "reset it twice and it still doesn't charge",
    'still the same issue after the update',
  ],
  unclear: [
    'ok will try tonight',
    "thanks, I'll try that and let you know",
    'where do I find the settings page?',
    'which firmware version do you mean?',
    'hmm ok',
    'trying it now',
    'is there a way to do that on mobile?',
    'got it, will report back',
    'what does that mean',
    'ok thanks for getting back to me',
  ],
} as const;

export type FollowUpKind = keyof typeof FOLLOW_UP_PHRASES;

export function isFollowUpKind(value: unknown): value is FollowUpKind {
  return typeof value === 'string' && value in FOLLOW_UP_PHRASES;
}
