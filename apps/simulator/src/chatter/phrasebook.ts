import { DEFAULT_PRODUCTS } from '@lp/domain';
/**
 * What customers say about "Acme", the fictional brand the simulator listens for. Written for
 * this project: the pieces combine into thousands of distinct posts across the moods a support
 * team sees (complaints, questions, praise, outages, safety scares, churn threats, chatter).
 */
export const BRAND_TAGS = ['@acme', '@AcmeSupport', '#acme', 'Acme', 'acme'];

/** The demo brand's products: the same catalogue early warning matches by default. */
export const PRODUCTS = DEFAULT_PRODUCTS;

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

/** The languages some of the steady chatter is written in besides English (X's `lang` codes). */
export const OTHER_LANGUAGES = ['es', 'fr', 'de', 'pt', 'it'] as const;
export type OtherLanguage = (typeof OTHER_LANGUAGES)[number];

/** About this share of steady chatter is in one of OTHER_LANGUAGES (evenly), the rest in English. */
export const OTHER_LANGUAGE_SHARE = 0.12;

/**
 * Customers writing in their own language about the same products: complaints, questions, praise
 * and outages (the moods a language has templates for; the others stay English). The placeholders
 * are the English templates' less the ones that fill in English words (`{failure}`).
 */
export const LOCALISED_TEMPLATES: Record<OtherLanguage, Partial<Record<Mood, string[]>>> = {
  es: {
    complaint: [
      'mi {product} se reinicia solo cada día y {brand} no contesta desde hace {hours} horas {sad}',
      '{brand} llevo {hours} horas esperando al soporte por mi {product}, un desastre',
      'me cobraron dos veces el {product} este mes {brand}, sigo esperando el reembolso',
    ],
    question: [
      '{brand} ¿cómo restablezco mi {product} a los ajustes de fábrica?',
      '¿alguien sabe si el {product} funciona con cargadores antiguos? {brand}',
    ],
    praise: [
      'el {product} es lo mejor que he comprado este año {happy} {brand}',
      'gracias {brand}, el soporte arregló mi {product} en diez minutos {happy}',
    ],
    outage: [
      '¿{brand} está caído? el {product} no conecta desde esta mañana',
      'el {product} lleva {hours} horas sin funcionar en {city} {brand} {sad}',
    ],
  },
  fr: {
    complaint: [
      'mon {product} plante tous les jours et {brand} ne répond pas depuis {hours} heures {sad}',
      "{brand} la dernière mise à jour a cassé mon {product}, c'est inadmissible",
      "commande {product} marquée livrée mais je n'ai rien reçu {brand}",
    ],
    question: [
      "{brand} comment réinitialiser mon {product} aux paramètres d'usine ?",
      "quelqu'un sait si le {product} marche avec les anciens chargeurs ? {brand}",
    ],
    praise: [
      'franchement le {product} est génial, la batterie tient toute la journée {happy} {brand}',
      'merci {brand}, le support a réparé mon {product} en dix minutes {happy}',
    ],
    outage: [
      '{brand} est en panne ? impossible de me connecter à {product} depuis ce matin',
      '{product} en panne à {city} aussi ? ça ne marche plus depuis {hours} heures {brand} {sad}',
    ],
  },
  de: {
    complaint: [
      'mein {product} stürzt jeden Tag ab und der Support von {brand} antwortet seit {hours} Stunden nicht {sad}',
      '{brand} seit dem letzten Update ist mein {product} kaputt, echt ärgerlich',
      'zweimal für {product} abgebucht {brand}, warte immer noch auf die Erstattung',
    ],
    question: [
      '{brand} wie setze ich mein {product} auf Werkseinstellungen zurück?',
      'weiß jemand, ob das {product} mit alten Ladegeräten funktioniert? {brand}',
    ],
    praise: [
      'ehrlich, das {product} ist das Beste, was ich dieses Jahr gekauft habe {happy} {brand}',
      'vielen Dank {brand}, der Kundendienst hat mein {product} in zehn Minuten repariert {happy}',
    ],
    outage: [
      'ist {brand} gerade down? {product} verbindet sich seit heute Morgen nicht {sad}',
      '{product} geht in {city} seit {hours} Stunden nicht, gibt es eine Störung? {brand}',
    ],
  },
  pt: {
    complaint: [
      'meu {product} trava todo dia e o suporte da {brand} não responde há {hours} horas {sad}',
      '{brand} a última atualização estragou meu {product}, que absurdo',
      'fui cobrado duas vezes pelo {product} este mês {brand}, ainda esperando o reembolso',
    ],
    question: [
      '{brand} como faço para restaurar meu {product} às configurações de fábrica?',
      'alguém sabe se o {product} funciona com carregadores antigos? {brand}',
    ],
    praise: [
      'sinceramente o {product} foi a melhor compra do ano {happy} {brand}',
      'valeu {brand}, o suporte resolveu o problema do meu {product} em dez minutos {happy}',
    ],
    outage: [
      '{brand} caiu? o {product} não conecta desde cedo',
      'o {product} está fora do ar em {city} há {hours} horas {brand} {sad}',
    ],
  },
  it: {
    complaint: [
      "il mio {product} si blocca ogni giorno e l'assistenza {brand} non risponde da {hours} ore {sad}",
      "{brand} l'ultimo aggiornamento ha rovinato il mio {product}, assurdo",
      'ordine {product} segnato come consegnato ma non è arrivato niente {brand}',
    ],
    question: [
      '{brand} come ripristino il mio {product} alle impostazioni di fabbrica?',
      'qualcuno sa se il {product} funziona con i vecchi caricatori? {brand}',
    ],
    praise: [
      "il {product} è davvero il miglior acquisto dell'anno {happy} {brand}",
      "grazie {brand}, l'assistenza ha sistemato il mio {product} in dieci minuti {happy}",
    ],
    outage: [
      '{brand} è giù? il {product} non si connette più da stamattina',
      'il {product} non funziona a {city} da {hours} ore {brand} {sad}',
    ],
  },
};

export const isOtherLanguage = (lang: string | undefined): lang is OtherLanguage =>
  (OTHER_LANGUAGES as readonly string[]).includes(lang ?? '');

/**
 * What a scripted incident's posts say: every one names the scenario's product and the same symptom
 * in its own words, so the early warning can key the burst by product and symptom. `{product}` is
 * the scenario's product.
 */
export const INCIDENT_TEMPLATES = {
  /** An outage of one service: everyone says it is down, offline or will not connect. */
  outage: [
    'is {brand} down? {product} will not connect at all',
    '{product} is down for everyone in {city}?? {brand}',
    '{brand} outage again? {product} has been offline for {hours} hours',
    'getting a 500 error on {product}, is it down? {brand} {sad}',
    '{product} down again {brand}, cannot get any work done {sad}',
    '{brand} {product} has been offline all morning and support says nothing',
    "{product} outage in {city} too, can't connect since this morning {brand}",
    'if {product} is down one more time I am cancelling {brand}',
  ],
  /** A safety scare that goes viral: a product smoking and overheating while charging. */
  safety: [
    '{brand} my {product} started smoking while charging, this is dangerous',
    'same here, my {product} was smoking while charging last night {brand} {sad}',
    '{brand} {product} got so hot while charging it burned my hand',
    'my {product} smells of smoke when it charges {brand}, is this safe??',
    '{brand} recall the {product}? mine started smoking on the charger',
    'seeing all these {product} smoking posts, mine burned the desk while charging {brand}',
  ],
} as const;

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
