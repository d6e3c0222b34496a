/**
 * What customers say about "Acme", the fictional brand the simulator listens for. Written for
 * this project: the pieces combine into thousands of distinct posts across the moods a support
 * team sees (complaints, questions, praise, outages, safety scares, churn threats, chatter).
 */
export const BRAND_TAGS = ['@acme', '@AcmeSupport', '#acme', 'Acme', 'acme'];

export const PRODUCTS = [
  'AcmeBook Pro',
  'AcmeBook Air',
  'Acme Cloud',
  'Acme Router X2',
  'Acme Phone 12',
  'Acme Buds',
  'Acme Watch',
  'Acme Drive sync',
  'Acme app',
  'Acme printer',
];

export type Mood = 'complaint' | 'question' | 'praise' | 'outage' | 'safety' | 'churn' | 'chatter';

export const MOOD_WEIGHTS: Record<Mood, number> = {
  complaint: 30,
  question: 20,
  praise: 18,
  chatter: 17,
  outage: 7,
  churn: 5,
  safety: 3,
};

export const TEMPLATES: Record<Mood, string[]> = {
  complaint: [
    'my {product} keeps {failure} and {brand} support has not answered in {hours} hours',
    '{brand} why does the {product} {failure} every single day? this is ridiculous',
    'third time this month my {product} is {failure}. not impressed {brand}',
    'paid for {product} and it is {failure} out of the box. {brand} please fix',
    'the latest update broke my {product}, it is {failure} now {sad}',
    '{brand} I have been on hold for {hours} hours about my {product} {failure}. terrible service',
    'was charged twice for {product} this month {brand}, still waiting on a refund',
    'order for my {product} says delivered but nothing arrived {brand} {sad}',
  ],
  question: [
    '{brand} how do I reset my {product} to factory settings?',
    'does anyone know if the {product} works with older chargers? {brand}',
    'is there a way to move my files from {product} to the new one {brand}?',
    '{brand} when is the next firmware update for {product} coming out?',
    'how can I change the billing email on my {brand} account?',
    'quick question {brand}: does the {product} warranty cover a cracked screen?',
  ],
  praise: [
    'honestly the {product} is the best thing I bought this year {happy} {brand}',
    'shout out to {brand} support, fixed my {product} in ten minutes {happy}',
    'loving the new {product}, battery lasts forever {brand}',
    '{brand} the {product} update made everything so much faster, thank you!',
    'great experience with {brand} today, replacement {product} arrived next day {happy}',
  ],
  outage: [
    'is {brand} down? {product} will not connect at all',
    '{product} is down for everyone in {city}?? {brand}',
    "can't log in to {product} since this morning {brand} what is going on",
    '{brand} outage again? {product} has been offline for {hours} hours',
    'getting a 500 error on {product} {brand} {sad}',
  ],
  safety: [
    '{brand} my {product} battery is swelling and the case is cracking, is this safe??',
    'my {product} started smoking while charging {brand} this is dangerous',
    '{brand} {product} got so hot it burned my hand. battery swelling too',
  ],
  churn: [
    'done with {brand}. switching to another brand after this {product} mess',
    'cancelling my {product} subscription today {brand}, support never replies',
    '{brand} if this {product} is not fixed this week I want a refund and I am never buying again',
  ],
  chatter: [
    'just unboxed the {product} from {brand}, first impressions later',
    'anyone else at the {brand} event in {city} today?',
    'reading the {brand} {product} review on my lunch break',
    '{brand} launched a new colour for the {product}, not sure how I feel about it',
  ],
};

export const FAILURES = [
  'crashing',
  'freezing',
  'disconnecting',
  'overheating',
  'not charging',
  'dropping wifi',
  'rebooting',
  'not syncing',
  'showing an error',
];
export const CITIES = [
  'Austin',
  'Berlin',
  'Dublin',
  'Leeds',
  'Lyon',
  'Manila',
  'Melbourne',
  'Toronto',
  'Pune',
  'Seattle',
];
export const HAPPY = ['🙌', '😍', '👏', '💯', ':)', '🎉', ''];
export const SAD = ['😡', '😤', '🙄', ':(', '😭', ''];
