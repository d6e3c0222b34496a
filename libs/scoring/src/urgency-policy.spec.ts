import { foldForMatching } from './text-normalise';
import { DEFAULT_INTENTS, INTENT_LANGUAGES, INTENT_PHRASES, type IntentRule, matchingIntents } from './urgency-policy';

const reasonsOf = (text: string) => matchingIntents(DEFAULT_INTENTS, text).map((r) => r.reason);

/** A natural sentence per reason and language ("hi-Latn": romanised Hindi). */
const SENTENCES: Record<string, Record<string, string>> = {
  'safety risk': {
    en: 'my phone charger caught fire last night',
    es: 'la batería explotó mientras cargaba el teléfono',
    fr: 'ma batterie a pris feu pendant la charge',
    de: 'das Ladegerät qualmt und riecht verbrannt',
    it: 'il caricabatterie ha preso fuoco stanotte',
    pt: 'o carregador pegou fogo na tomada',
    ar: 'الشاحن احترق وطلع منه دخان',
    hi: 'फोन की बैटरी में आग लग गई',
    'hi-Latn': 'phone ki battery mein aag lag gayi',
  },
  'security concern': {
    en: 'my account was hacked and someone changed my password',
    es: 'me hackearon la cuenta y hay cargos no autorizados',
    fr: 'mon compte a été piraté cette nuit',
    de: 'mein Konto wurde gehackt',
    it: 'mi hanno rubato i dati della carta',
    pt: 'minha conta foi hackeada ontem',
    ar: 'تم اختراق حسابي',
    hi: 'मेरा अकाउंट हैक हो गया',
    'hi-Latn': 'mera account hack ho gaya',
  },
  'data loss': {
    en: 'the update wiped my phone and I lost all my photos',
    es: 'perdí todas mis fotos después de la actualización',
    fr: "j'ai perdu toutes mes photos après la mise à jour",
    de: 'nach dem Update sind alle meine Fotos weg',
    it: "ho perso tutte le mie foto dopo l'aggiornamento",
    pt: 'perdi todas as minhas fotos depois da atualização',
    ar: 'فقدت كل صوري بعد التحديث',
    hi: 'अपडेट के बाद सारा डेटा चला गया',
    'hi-Latn': 'update ke baad saara data delete ho gaya',
  },
  outage: {
    en: 'the app is down again, nothing loads',
    es: 'el servicio se cayó otra vez',
    fr: 'le site est en panne depuis ce matin',
    de: 'die App funktioniert schon wieder nicht',
    it: "l'app non funziona da stamattina",
    pt: 'o aplicativo está fora do ar de novo',
    ar: 'الخدمة لا تعمل منذ الصباح',
    hi: 'ऐप सुबह से काम नहीं कर रहा',
    'hi-Latn': 'app subah se kaam nahi kar raha',
  },
  'legal threat': {
    en: "I'm talking to my lawyer about this",
    es: 'voy a demandar a la empresa, ya hablé con mi abogado',
    fr: 'je vais porter plainte et contacter un avocat',
    de: 'ich schalte meinen Anwalt ein',
    it: 'vi faccio causa, ho già chiamato il mio avvocato',
    pt: 'vou processar vocês, já falei com meu advogado',
    ar: 'سأرفع قضية ضدكم في المحكمة',
    hi: 'मैं उपभोक्ता फोरम में केस करूंगा',
    'hi-Latn': 'main consumer court jaunga',
  },
  'churn risk': {
    en: 'I want a refund and I am cancelling my subscription',
    es: 'quiero un reembolso, me doy de baja',
    fr: 'je veux être remboursé, je résilie mon abonnement',
    de: 'ich kündige meinen Vertrag und will mein Geld zurück',
    it: "voglio il rimborso, disdico l'abbonamento",
    pt: 'quero reembolso, vou cancelar minha assinatura',
    ar: 'أريد استرداد أموالي وإلغاء الاشتراك',
    hi: 'मुझे रिफंड चाहिए',
    'hi-Latn': 'mujhe mere paise wapas chahiye',
  },
  'nobody answers': {
    en: "I've called three times and nobody answers",
    es: 'llevo dos días escribiendo y nadie responde',
    fr: 'personne ne répond au service client',
    de: 'niemand antwortet auf meine E-Mails',
    it: 'ho scritto tre volte e nessuno risponde',
    pt: 'já liguei cinco vezes e ninguém responde',
    ar: 'لا أحد يرد على الهاتف',
    hi: 'तीन दिन से कोई जवाब नहीं मिला',
    'hi-Latn': 'teen din se koi jawab nahi mila',
  },
};

const CASES = Object.entries(SENTENCES).flatMap(([reason, byLang]) =>
  Object.entries(byLang).map(([lang, text]) => [reason, lang, text] as const),
);

describe('DEFAULT_INTENTS', () => {
  it('covers the eight UMSAB languages for every reason, nobody answers included', () => {
    expect(INTENT_LANGUAGES).toEqual(['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi']);
    expect(DEFAULT_INTENTS.map((r) => r.reason)).toEqual(Object.keys(SENTENCES));
    for (const intent of INTENT_PHRASES) {
      for (const lang of INTENT_LANGUAGES) expect(intent.phrases[lang].length).toBeGreaterThan(0);
    }
    const nobody = DEFAULT_INTENTS.find((r) => r.reason === 'nobody answers');
    expect(nobody?.weight).toBeGreaterThanOrEqual(20);
    expect(nobody?.weight).toBeLessThanOrEqual(25);
  });

  it.each(CASES)('finds %s in %s: %s', (reason, _lang, text) => {
    expect(reasonsOf(text)).toContain(reason);
  });

  it('matches with or without accents, in any case, with any spacing', () => {
    for (const text of [
      'el servicio se cayó otra vez',
      'el servicio se cayo otra vez',
      'EL SERVICIO SE CAYÓ OTRA VEZ',
      'el servicio se\u00a0 cayo\u0301 otra vez',
      'NADIE RESPONDE',
    ]) {
      expect(reasonsOf(text).length).toBeGreaterThan(0);
    }
    expect(reasonsOf('ninguem responde')).toContain('nobody answers');
    expect(reasonsOf('Kündigung')).toContain('churn risk');
    expect(reasonsOf('Kuendigung')).toContain('churn risk');
    expect(reasonsOf('لا احد يرد')).toContain('nobody answers');
    expect(reasonsOf('I can’t log in')).toContain('outage');
  });

  it('finds the Spanish outage complaint of the issue', () => {
    expect(reasonsOf('el servicio se cayó otra vez, nadie responde')).toEqual(['outage', 'nobody answers']);
  });

  it.each([
    'calm down, it is only a game',
    'the shop is just down the road',
    'I am feeling down today',
    'what a 3rd down conversion',
    'this new track is fire 🔥',
    'I am so fired up for the launch',
    'Amazon Fire TV stick deal today',
    'Sue from support was lovely',
    'I love my new phone, thank you so much!',
    'la caída de los precios continúa',
    'se me cayó el teléfono pero no le pasó nada',
    'ça marche pas mal du tout',
    'feu vert pour le projet',
    'tout ce que vous ignorez sur les chats',
    'Entschuldigen Sie die Störung, kurze Frage zum Tarif',
    'Die Band kündigt ein neues Album an',
    'messa a fuoco perfetta, foto bellissime',
    'le sue foto sono bellissime',
    'il pane è buonissimo',
    'adoro o novo celular, obrigado!',
    'وقف إطلاق النار في سوريا',
    'बहुत बढ़िया सेवा, धन्यवाद',
    'bahut badhiya service, thank you',
  ])('does not fire on an innocent sentence: %s', (text) => {
    expect(reasonsOf(text)).toEqual([]);
  });

  it('finds the same reasons as the full expressions (the word-start filter skips only misses)', () => {
    for (const [, , text] of CASES) {
      const folded = foldForMatching(text);
      expect(reasonsOf(text)).toEqual(DEFAULT_INTENTS.filter((r) => r.pattern.test(folded)).map((r) => r.reason));
    }
  });
});

describe('matchingIntents with a brand’s own rules', () => {
  it('tests them on the folded text and on the text as written', () => {
    const rules: IntentRule[] = [
      { reason: 'written with accents', weight: 10, pattern: /café frío/i },
      { reason: 'written without', weight: 10, pattern: /cafe frio/i },
      { reason: 'case-sensitive', weight: 10, pattern: /ACME/ },
    ];
    expect(matchingIntents(rules, 'El café frío otra vez').map((r) => r.reason)).toEqual([
      'written with accents',
      'written without',
    ]);
    expect(matchingIntents(rules, 'acme').map((r) => r.reason)).toEqual([]);
    expect(matchingIntents(rules, 'ACME').map((r) => r.reason)).toEqual(['case-sensitive']);
  });

  it('gives the same answer every time for a pattern with the g flag', () => {
    const rules: IntentRule[] = [{ reason: 'broken', weight: 10, pattern: /broken/gi }];
    for (let i = 0; i < 3; i++) expect(matchingIntents(rules, 'it is broken')).toHaveLength(1);
  });
});
