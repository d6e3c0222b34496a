import { resolve } from 'node:path';
import { COVERED_LANGUAGES, detectLanguage, languageText, normaliseLang, UNDETERMINED } from './language';
import { evalLanguageId, missingLanguageFiles } from './training/evaluate-language';

const LABELLED_DIR = resolve(__dirname, '../../../../shared/data/labelled');
const missing = missingLanguageFiles(LABELLED_DIR);

describe('detectLanguage', () => {
  it.each([
    ['en', 'My router keeps dropping the connection every evening, can someone help?'],
    ['es', 'Mi router pierde la conexión todas las noches, ¿alguien me puede ayudar?'],
    ['fr', "Mon routeur perd la connexion tous les soirs, quelqu'un peut m'aider ?"],
    ['de', 'Mein Router verliert jeden Abend die Verbindung, kann mir jemand helfen?'],
    ['it', 'Il mio router perde la connessione ogni sera, qualcuno mi può aiutare?'],
    ['pt', 'Meu roteador perde a conexão todas as noites, alguém pode me ajudar?'],
    ['ar', 'الراوتر يفصل الاتصال كل مساء، هل يمكن لأحد مساعدتي؟'],
    ['hi', 'मेरा राउटर हर शाम कनेक्शन खो देता है, कोई मदद कर सकता है?'],
    ['nl', 'Mijn router verliest elke avond de verbinding, kan iemand mij helpen?'],
    ['ru', 'Мой роутер каждый вечер теряет соединение, кто-нибудь может помочь?'],
    ['tr', 'Modemim her akşam bağlantıyı kaybediyor, biri yardım edebilir mi?'],
    ['pl', 'Mój router co wieczór traci połączenie, czy ktoś może pomóc?'],
    ['ja', 'ルーターが毎晩接続を失います。誰か助けてくれませんか？'],
    ['zh', '我的路由器每天晚上都断开连接，有人能帮忙吗？'],
    ['ko', '제 공유기가 매일 저녁 연결이 끊깁니다. 누가 도와주실 수 있나요?'],
    ['fa', 'روتر من هر شب اتصال را قطع می‌کند، کسی می‌تواند کمک کند؟'],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('returns "und" for text without letters', () => {
    expect(detectLanguage('😡😡😡 🔥')).toBe(UNDETERMINED);
    expect(detectLanguage('')).toBe(UNDETERMINED);
    expect(detectLanguage('@acme_support https://t.co/abc123 #1 !!! 42')).toBe(UNDETERMINED);
  });

  it('is not led astray by handles, links, hashtags and emoji', () => {
    const noisy =
      '@TheEnglishHelpDesk @support_team el servicio no funciona desde ayer y nadie responde 😡 https://t.co/xyzEnglish #StillWaitingForHelp';
    expect(languageText(noisy)).toBe('el servicio no funciona desde ayer y nadie responde StillWaitingForHelp');
    expect(detectLanguage(noisy)).toBe('es');
    expect(
      detectLanguage('@DeutscheTelekom seit heute morgen kein Internet mehr, was ist da los? https://t.co/a1'),
    ).toBe('de');
  });

  it('reads a bounded part of very long text', () => {
    const long = 'Das Internet funktioniert seit gestern nicht mehr. '.repeat(2_000);
    expect(detectLanguage(long)).toBe('de');
  });
});

describe('normaliseLang and the covered languages', () => {
  it('keeps the BCP 47 primary subtag and treats "und" as unknown', () => {
    expect(normaliseLang('pt-BR')).toBe('pt');
    expect(normaliseLang(' EN_gb ')).toBe('en');
    expect(normaliseLang('und')).toBeNull();
    expect(normaliseLang(null)).toBeNull();
  });

  it("covers UMSAB's eight languages", () => {
    expect([...COVERED_LANGUAGES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'it', 'pt']);
  });
});

/**
 * The target is 95% on these tweets. CLD2 with ELD where CLD2 is unsure measures 95.9% (ar 100,
 * en 100, fr 96.9, de 89.2, it 93.8, pt 94.8, es 96.6); CLD2 alone measured 92.9%.
 */
const TARGET = 95;

if (missing.length > 0) {
  describe('language identification on UMSAB validation tweets', () => {
    it('is absent: the data check needs ../shared/data/labelled', () => {
      console.warn(`../shared/data/labelled not found: ${LABELLED_DIR} (missing ${missing.join(', ')})`);
      expect(missing.length).toBeGreaterThan(0);
    });
  });
} else {
  describe('language identification on UMSAB validation tweets', () => {
    it(`is right on at least ${TARGET}% of 2,268 tweets in seven languages`, () => {
      const result = evalLanguageId(LABELLED_DIR);
      expect(result.n).toBe(7 * 324);
      expect(result.accuracy).toBeGreaterThanOrEqual(TARGET);
      expect(result.perLanguage.en).toBeGreaterThanOrEqual(99);
      expect(result.perLanguage.ar).toBeGreaterThanOrEqual(99);
    });
  });
}
