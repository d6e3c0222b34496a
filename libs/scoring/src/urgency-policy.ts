import type { UrgencyLevel } from '@lp/domain';
import { foldForMatching } from './text-normalise';

export interface IntentRule {
  reason: string;
  weight: number;
  pattern: RegExp;
}

/**
 * How urgency (0-100) is built: every input adds points and, when it adds any, a reason. Defaults
 * below; a brand overrides any part (a partial policy is merged over the defaults).
 */
export interface UrgencyPolicy {
  /** Points every mention starts with. */
  base: number;
  /** Points = weight × probability, from minProbability up. */
  complaint: { weight: number; minProbability: number };
  /** Points = weight × -sentimentScore when the label is negative. */
  negativeSentiment: { weight: number };
  /** Phrases that make a mention urgent whatever its tone. */
  intents: readonly IntentRule[];
  verifiedAuthor: number;
  /** Log-scale reach: points = clamp((log10(followers) - log10(minFollowers)) × perDecade + atMin, 0, max). */
  reach: { minFollowers: number; atMin: number; perDecade: number; max: number };
  /** Engagements per hour since posting (likes + 2×replies + 3×(reposts + quotes)). */
  velocity: { minPerHour: number; atMin: number; perDecade: number; max: number };
  /** Handles (without @, any case) whose mentions are always looked at. */
  vip: { handles: readonly string[]; points: number };
  /** Earlier unresolved contacts from the same author. */
  repeatContact: { perContact: number; max: number };
  /** Time already waited for an answer. */
  waited: { minMinutes: number; perHour: number; max: number };
  /** Lowest urgency of each level above "low". */
  thresholds: { normal: number; high: number; critical: number };
}

/** The languages every default intent has phrasings for ("hi" includes romanised Hindi). */
export const INTENT_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi'] as const;
export type IntentLanguage = (typeof INTENT_LANGUAGES)[number];

/** One default intent: its phrasings per language, as regular-expression sources. */
export interface IntentPhrases {
  reason: string;
  weight: number;
  phrases: Readonly<Record<IntentLanguage, readonly string[]>>;
}

// Romanised Hindi spells the same word many ways.
const NAHI = '(?:nahi|nahin|nahee|nhi|nai)';
const GAYA = '(?:gaya|gayi|gai|gya|gyi|gaye|gye)';
const RAHA = '(?:raha|rahi|rahe|rha|rhi|rhe)';
const HO_GAYA = `(?:ho ?${GAYA})`;
// Arabic writes conjunctions, prepositions and the article onto the word: "والخدمة", "بالخدمة".
const AR_CLITICS = '(?:[وف]?(?:ال|بال|لل|[بلك])?)';
// Devanagari words go on in vowel signs (marks, not letters): "उठा" is also "उठाते".
const DEV_TAIL = '[\\p{L}\\p{M}]*';
const DEV_NAHI = '(?:नहीं|नही|नहि)';

/**
 * Phrasings of each default intent, per language. Each entry is a regular-expression source matched
 * case-insensitively and as whole words against `foldForMatching(text)`: write it without accents
 * ("se cayo" matches "se cayó" and "se cayo"); a space matches any run of whitespace and " ?" an
 * optional one. Arabic entries also match with a leading و/ف/ال/ب/ل/ك.
 */
export const INTENT_PHRASES: readonly IntentPhrases[] = [
  {
    reason: 'safety risk',
    weight: 45,
    phrases: {
      en: [
        // "fire" the slang ("that's fire", "fire emoji") and the product names are not a fire.
        "(?<!(?:under|so|straight|pure|lowkey|that'?s|thats|(?<!there )(?:is|was)) )fire(?! ?(?:🔥|emoji|sale|tv|sticks?|tablets?|hd)(?![\\p{L}\\p{N}]))(?! (?:it |them |that |this |em |'em )?up(?![\\p{L}\\p{N}]))",
        'caught fire|burst into flames|in flames',
        '(?<!(?:quit|quitting|no|non|stop|stopped) )smok(?:e|ing)',
        'burn(?:ed|t|ing)?',
        'explod\\p{L}*',
        'swell(?:ing|ed)',
        '(?<!(?:sticker|culture|price|in) )shock|electric(?:al)? shock|shocked me|electrocut\\p{L}*',
        'overheat(?:s|ed|ing)?|melt(?:ed|ing)',
      ],
      es: [
        'fuego|incendi(?:o|os|ado|ada|arse)|se incendio|se prendio fuego|en llamas',
        'humo|echa(?:ndo)? humo|sale humo',
        'explot(?:o|aron|ado|ada|ar|ando)|explosion',
        'se (?:quemo|quemaron)|quemadura|quemad[oa] por',
        '(?:bateria|pila) (?:esta |se )?(?:hinchada|hincho|inflada|inflo)|se hincho',
        'descarga electrica|(?:me )?(?:dio|da) (?:corriente|calambre)|electrocut\\p{L}*',
        'sobrecalent\\p{L}*',
      ],
      fr: [
        '(?:pris|prend|prendre|a pris) feu|en feu|incendie|depart de feu|flammes',
        'fumee|(?:il )?fume beaucoup',
        'a explose|explose|explosion',
        'brule|brulure|brulee|a brule',
        '(?:batterie|pile) (?:a |est )?gonfl(?:e|ee|ait)',
        "decharge electrique|electrocut\\p{L}*|(?:m'a|j'ai pris une?) (?:jus|decharge)",
        'surchauffe',
      ],
      de: [
        'feuer(?! und flamme)|feuerwehr|in brand geraten|brennt|gebrannt|verbrannt|verbrennung(?:en)?',
        'rauch|raucht|qualmt',
        'explodiert|explosion',
        '(?:akku|batterie) (?:ist |hat sich )?(?:aufgebl(?:a|ae)ht|gebl(?:a|ae)ht)|aufgebl(?:a|ae)ht',
        'stromschlag|(?:u|ue)berhitz\\p{L}*|geschmolzen',
      ],
      it: [
        '(?:preso|prende|prendere|ha preso) fuoco|in fiamme|incendi(?:o|ato|ata)',
        '(?:fa|esce|usciva|faceva) fumo',
        'esplo(?:so|sa|sione|dere|de|deva)',
        'bruciat[oia]|ustion[ei]',
        '(?:batteria|pila) (?:si e )?gonfi(?:a|ata)',
        'scossa elettrica|(?:preso|presa|da|dato) (?:la |una )?scossa|folgorat[oa]',
        'surriscald\\p{L}*',
      ],
      pt: [
        '(?:pegou|pegando|pega) fogo|incendio|chamas',
        'fumaca|saindo fumaca|soltando fumaca',
        'explod\\p{L}*|explosao',
        'queim(?:ou|ado|ada|adura)',
        '(?:bateria|pilha) (?:esta )?(?:inchada|inchou|estufada|estufou)',
        'choque eletrico|(?:levei|tomei|deu|da) (?:um )?choque|eletrocut\\p{L}*',
        '(?:super|sobre)aquec\\p{L}*',
      ],
      ar: [
        'حريق|احترق|احترقت|اشتعل|اشتعلت|اشتعال|ولعت|مولعة',
        'دخان|يطلع دخان',
        'انفجر|انفجرت|انفجار',
        'صعقة|صعقني|ماس كهربائي|كهربني',
        'انتفخت البطارية|البطارية منتفخة|البطارية انتفخت',
        'سخونة زائدة|ارتفاع (?:في )?الحرارة|يسخن بشكل',
      ],
      hi: [
        'आग लग|आग लगी|धुआ[ंँ]?|विस्फोट|फट (?:गया|गई|गयी)|जल (?:गया|गई|गयी)|करंट|बैटरी फूल',
        `aag lag ?${GAYA}|aag lagi|aag lag ${RAHA}`,
        'dhua|dhuan|dhuaan|dhuwa',
        `(?:phat|fat|blast ho) ${GAYA}|blast hua`,
        `jal ${GAYA}`,
        `current (?:laga|lag ${RAHA}|maar ${RAHA}|mara)`,
        `battery (?:phool|fool|phul|ful) ${GAYA}`,
      ],
    },
  },
  {
    reason: 'security concern',
    weight: 35,
    phrases: {
      en: [
        'hack(?:ed)?|breach|stolen|phishing|compromised|leak(?:ed)?|unauthori[sz]ed',
        'identity theft|fraudulent (?:charges?|transactions?|payments?)',
        'someone (?:logged|got|broke) into my account|account (?:was |got )?taken over',
      ],
      es: [
        'hacke(?:ado|ada|aron|o|ron)|jaque(?:ado|ada|aron)',
        '(?:me )?robaron (?:la|mi|mis) (?:cuenta|datos|tarjeta|contrasena|identidad)',
        'robo de (?:identidad|datos|cuenta)|suplantacion de identidad',
        'filtracion(?: de datos)?|datos filtrados|se filtraron|brecha de seguridad',
        'phishing',
        '(?:cargos?|cobros?|compras?|acceso) (?:no autorizad[oa]s?|fraudulent[oa]s?)',
      ],
      fr: [
        "(?:ete|a|ai|m'a|m'ont|on a|est|suis|sont) pirate(?:e|s|es)?|piratage|pirater",
        'fuite de donnees|donnees (?:volees|divulguees|piratees)|faille de securite',
        "vol (?:de|des) (?:donnees|compte|identite)|usurpation d'identite|hameconnage|phishing",
        '(?:prelevements?|paiements?|achats?|acces|debits?) (?:non autorises?|frauduleu\\p{L}*)',
        'vole(?:e|s|es)? (?:mon|ma|mes) (?:compte|carte|donnees|identifiants)',
      ],
      de: [
        'gehackt|hackerangriff|datenleck|datenpanne|datendiebstahl|identit(?:a|ae)tsdiebstahl',
        'gestohlen|phishing|unbefugt\\p{L}*|nicht autorisiert\\p{L}*|sicherheitsl(?:u|ue)cke',
        '(?:konto|account) (?:wurde )?(?:(?:u|ue)bernommen|gekapert)',
      ],
      it: [
        "hackerat[oi]|hackat[oia]|violat[oa] (?:l'account|il mio account|account)|account violato",
        "furto (?:di dati|d'identita|di identita|dell'account)|fuga di dati|violazione dei dati",
        "mi hanno rubato|rubat[oia] (?:l'account|i dati|la carta|i miei dati)|phishing",
        '(?:addebit[oi]|pagament[oi]|accesso|acquisti?) non autorizzat[oi]',
      ],
      pt: [
        'hacke(?:ado|ada|aram|ou)|raquea(?:do|da|ram)|invadi(?:ram|da|do)',
        'roub(?:aram|ado|ada) (?:minha|meus|meu|minhas|a|o|os) (?:conta|dados|cartao|senha|identidade)',
        'vazamento de dados|dados vazados|vazaram (?:meus|os) dados|phishing',
        'cartao clonado|clonaram (?:meu|o) (?:cartao|whatsapp|numero|chip)',
        '(?:compras?|cobrancas?|acesso|transac(?:ao|oes)) nao (?:autorizad[oa]s?|reconhecid[oa]s?)',
      ],
      ar: [
        'اختراق|اخترقوا|مخترق|تم اختراق|تهكير|مهكر|انهكر|تهكر',
        'سرقة|سرقوا|مسروق|مسروقة|سرقت',
        'تسريب|تسربت|احتيال|تصيد',
        'غير مصرح|بدون اذني|دون علمي',
      ],
      hi: [
        'हैक|चोरी हो|धोखाधड़ी|फ्रॉड|डेटा लीक',
        `hack ${HO_GAYA}|account hack|chori ${HO_GAYA}|fraud ${HO_GAYA}|data leak`,
        `bina (?:bataye|permission|ijazat) (?:paise|paisa) (?:kat|kaat)`,
      ],
    },
  },
  {
    reason: 'data loss',
    weight: 35,
    phrases: {
      en: [
        'lost (?:all )?(?:of )?(?:my )?(?:data|files|photos|pictures|contacts|messages|videos|notes|documents|emails)',
        'data loss|wiped|deleted everything|corrupted',
        '(?:my |all my )?(?:data|files|photos|pictures|contacts|messages|notes) (?:are |were |is |got )?(?:all )?(?:gone|deleted|erased|disappeared|vanished)',
      ],
      es: [
        'perdi (?:todos |todas )?(?:mis |los |las )?(?:datos|archivos|fotos|contactos|mensajes|videos|chats|conversaciones|documentos)',
        'perdida de (?:datos|informacion|archivos|fotos)|datos perdidos',
        'se (?:me )?(?:borro|borraron|elimino|eliminaron) (?:todo|todas|todos|mis)|borro todo',
        '(?:desaparecieron|se perdieron) (?:todos |todas )?(?:mis|los|las) (?:datos|archivos|fotos|contactos|mensajes|chats)',
        'archivos? (?:corrupto|corruptos|danado|danados)',
      ],
      fr: [
        'perdu (?:toutes |tous )?(?:mes |les )?(?:donnees|fichiers|photos|contacts|messages|videos|documents)',
        'perte de (?:donnees|fichiers|photos)',
        'tout (?:a ete |est )?(?:efface|supprime)|(?:efface|supprime) tout',
        '(?:mes |toutes mes |les )?(?:photos|fichiers|donnees|contacts|messages) (?:ont )?(?:disparu|ete effacees|ete supprimees|ete effaces|ete supprimes)',
        'fichiers? corrompus?',
      ],
      de: [
        'datenverlust',
        '(?:alle )?(?:meine )?(?:daten|dateien|fotos|bilder|kontakte|nachrichten|chats|dokumente) (?:sind |waren )?(?:alle )?(?:weg|verloren|gel(?:o|oe)scht|verschwunden)',
        'alles (?:ist |wurde )?(?:gel(?:o|oe)scht|verloren)',
        '(?:datei|dateien|daten|backup) (?:ist |sind )?(?:besch(?:a|ae)digt|korrupt)',
      ],
      it: [
        'perso (?:tutti |tutte )?(?:i |le )?(?:miei |mie )?(?:dati|file|foto|contatti|messaggi|video|documenti|chat)',
        'perdita (?:di|dei) dati',
        '(?:ha |mi ha |hanno )?cancellato tutto|tutto cancellato',
        '(?:dati|file|foto|contatti|messaggi|chat) (?:sono )?(?:spariti|sparite|scomparsi|scomparse|persi|perse|cancellati|cancellate)',
        'file corrott[oi]',
      ],
      pt: [
        'perdi (?:todos |todas )?(?:os |as )?(?:meus |minhas )?(?:dados|arquivos|fotos|contatos|mensagens|videos|conversas|documentos)',
        'perda de dados',
        'apag(?:ou|aram) tudo|(?:sumiu|apagou|perdi) tudo',
        '(?:meus |minhas |os |as )?(?:dados|arquivos|fotos|contatos|mensagens|conversas) (?:sumiram|desapareceram|foram apagad[oa]s)',
        'arquivos? corrompid[oa]s?',
      ],
      ar: [
        '(?:فقدت|ضاعت|ضاع|اختفت|انحذفت|انمسحت|اتمسحت|راحت) (?:كل |جميع )?(?:بياناتي|البيانات|صوري|الصور|ملفاتي|الملفات|رسائلي|الرسائل|المحادثات|جهات الاتصال)',
        'فقدان البيانات|ضياع البيانات|فقدان الصور|ضياع الصور',
        '(?:انحذف|انمسح|اتمسح|حذف|مسح) كل (?:شي|شيء|حاجة|البيانات|الصور)',
      ],
      hi: [
        'डेटा (?:चला गया|उड़ गया|डिलीट हो गया|गायब)|सारा डेटा|सब कुछ डिलीट|फोटो (?:डिलीट|गायब)',
        `data (?:ud|udd|chala|delete ho|gayab ho) ${GAYA}|data gayab|sara data|saara data`,
        `sab (?:kuch )?(?:delete|gayab|ud) ${HO_GAYA}?`,
        `(?:photos?|files?|contacts|chats) (?:delete|gayab|ud) ${HO_GAYA}`,
      ],
    },
  },
  {
    reason: 'outage',
    weight: 30,
    phrases: {
      en: [
        // "down" as in out of service, not "calm down", "let me down", "down the road", "down 5%".
        "(?<!(?:calm|let (?:me|us|you|him|her|them|everyone|people)|slow|sit|lie|lay|settle|turn(?:ed|ing|s)?|count|look(?:ed|ing|s)?|write|wrote|jot|narrow(?:ed)?|wind|step(?:ped|ping|s)?|tone|put|knock(?:ed)?|back(?:ed|ing)?|upside|thumbs?|ups and|up and|feel(?:ing|s)?|felt|shut(?:ting|s)?|bring(?:ing)?|brought|hunt(?:ed)?|track(?:ed)?|water(?:ed)?|boil(?:ed)?|mark(?:ed)?|prices?|cut|i'?m|we'?re|sat|sit(?:s|ting)?|sent|send|take|took|taking|hold|holding|dumbing|flush(?:ed)?|run|ran|calm(?:ed)?|bow|touch(?:ed)?|pop|come|comes|came|coming|\\d(?:st|nd|rd|th)|(?:goals?|sets?|points?|runs?|games?|breaks?)) )down(?! (?:the (?:road|street|line|hall|stairs|block|river|middle|toilet|drain)|to (?:earth|go)|payment|memory lane|syndrome|south|below|under|here|there|with|in \\p{L}+town|\\d))",
        'outages?|offline',
        "(?:not|isn'?t|aren'?t|stopped|stop) working|doesn'?t work|won'?t (?:load|connect|open)",
        "(?:can'?t|cannot|can not|unable to) (?:connect|log ?in|sign ?in|access|get in)",
        'no (?:service|signal|internet|connection|wifi|network)(?! bank)',
        '(?:app|site|website|server|servers|system|service|network) (?:keeps |has |is )?crash(?:ed|ing|es)?|keeps crashing',
      ],
      es: [
        'se (?:cayo|cae|cayeron|caen|ha caido|han caido|volvio a caer)(?! (?:al suelo|de |del |por las|el precio|los precios|la bolsa))',
        '(?:servicio|sistema|red|app|aplicacion|pagina|web|sitio|servidor|servidores|internet|plataforma|wifi|linea|banca) (?:esta |estan |sigue |siguen |anda |lleva )?caid[oa]s?|esta caid[oa]',
        'caida (?:del|de la|de|general del?) ?(?:servicio|sistema|red|servidor|internet|app|aplicacion|pagina|web|plataforma|senal|linea)|caida general',
        'sin (?:servicio|internet|conexion|senal|red|linea|wifi|luz)|fuera de servicio|apagon',
        'no (?:me )?funciona|dejo de funcionar',
        '(?:no (?:me )?(?:puedo|deja|dejan|logro)|imposible) (?:conectar(?:me)?|entrar|iniciar sesion|acceder|ingresar|loguear(?:me)?)',
        'corte (?:de|del) (?:servicio|internet|luz|red|senal)',
      ],
      fr: [
        "(?:en|une|la|grosse|nouvelle|encore une) panne|panne (?:generale|reseau|totale|de|du|d'|internet|electrique)",
        '(?:ne )?(?:fonctionne|marche) (?:plus|pas|toujours pas|jamais)(?! mal)',
        "hors (?:service|ligne|d'usage)",
        '(?:plus|pas|aucun|aucune) de (?:reseau|connexion|internet|signal|wifi)|plus de service(?! client)',
        'impossible de (?:me |se )?(?:connecter|acceder)',
        '(?:site|appli|application|app|service|serveur|serveurs|reseau|systeme) (?:est |sont )?(?:tombe|tombes|down|inaccessible|inaccessibles|hs|en rade|plante)',
        "coupure (?:de|du|d'|generale|internet|reseau)",
        "(?:ca|l'appli|l'app|le site) (?:plante|bugue|crashe)",
      ],
      de: [
        '(?<!entschuldig\\p{L}* (?:sie |f(?:u|ue)r )?die )(?:netz|server|system|dienst|internet|strom|mobilfunk|dsl|telefon|total|komplett|gross|massen)?(?:st(?:o|oe)rung(?:en)?|ausfall|ausf(?:a|ae)lle)',
        'ausgefallen|offline|liegt lahm|lahmgelegt',
        'funktioniert (?:schon wieder |immer noch |seit \\S+ |gar |einfach |wieder |mal wieder )?nicht',
        '(?:app|seite|website|webseite|server|dienst|netz|internet|login|anmeldung|telefon|handy|wlan) geht (?:schon wieder |immer noch |gar |einfach |wieder |mal wieder )?nicht',
        'kein (?:netz|internet|empfang|signal|wlan|strom)|keine (?:verbindung|internetverbindung|netzverbindung)',
        '(?:verbindung|netz|internet|empfang|leitung|dienst) (?:ist |sind )?gest(?:o|oe)rt',
        '(?:seite|website|webseite|server|dienst|app|portal|plattform) (?:ist |sind |war )?(?:seit \\S+ |schon wieder |wieder |immer noch )?nicht erreichbar',
        'kann mich (?:schon wieder |seit \\S+ )?nicht (?:mehr )?(?:einloggen|anmelden|verbinden)',
      ],
      it: [
        'non funziona|non va piu|smesso di funzionare|fuori servizio|disservizi[oi]|guasto',
        '(?:sito|app|servizio|server|rete|sistema|piattaforma|linea) (?:e |sono )?(?:giu|down|irraggiungibil[ei]|in tilt|fuori uso|bloccat[oia])',
        "senza (?:linea|rete|connessione|internet|servizio|segnale|campo|luce)|non c'e (?:linea|campo|rete|connessione|segnale)",
        'non (?:riesco|posso) (?:a |ad )?(?:collegarmi|connettermi|accedere|entrare|fare il login|loggarmi)',
        'interruzione (?:del|di) servizio|in tilt|blackout',
      ],
      pt: [
        'fora do ar|caiu (?:de novo|outra vez|novamente|denovo)',
        '(?:servico|sistema|app|aplicativo|site|servidor|servidores|rede|internet|sinal|conexao|pix|plataforma|wifi) (?:caiu|esta caido|ta caido)',
        'nao (?:esta |ta )?(?:funciona|funcionando)|parou de funcionar',
        'sem (?:sinal|internet|servico|conexao|rede|acesso|luz|net)|fora de servico|instabilidade',
        '(?:deu|em|uma) pane|pane (?:no|na|geral|do|da)',
        'nao (?:consigo|da para|da pra|to conseguindo|estou conseguindo) (?:me )?(?:conectar|entrar|acessar|logar|fazer login)',
        'queda (?:do|de|da|no|na) (?:servico|sistema|rede|internet|servidor|app|aplicativo|site|sinal|conexao)',
      ],
      ar: [
        '(?:لا|ما|مش|مو|مب|ماا) ?(?:يعمل|تعمل|يشتغل|تشتغل|شغال|شغالة|يفتح|تفتح|بيشتغل|بتشتغل|بيفتح)',
        'عطل|معطل|معطلة|تعطل|تعطلت|اعطال|انقطاع|انقطع|انقطعت|مقطوع|مقطوعة|(?:متوقف|متوقفة)(?! على)|طايح|طايحة|خارج الخدمة',
        '(?:ما في|مافي|لا يوجد|لا توجد|بدون|ما فيه|مفيش|مافيه) (?:شبكة|نت|انترنت|خدمة|اشارة|تغطية|اتصال)',
        '(?:لا|ما|مش) (?:اقدر|استطيع|قادر|يمكنني|يقدر) (?:ادخل|الدخول|اسجل|اتصل)',
      ],
      hi: [
        `काम ${DEV_NAHI} कर${DEV_TAIL}|चल ${DEV_NAHI} रह${DEV_TAIL}|${DEV_NAHI} चल रह${DEV_TAIL}|सर्वर डाउन|नेटवर्क (?:${DEV_NAHI}|गायब)|इंटरनेट ${DEV_NAHI}|सेवा ठप|ठप (?:है|हो)|बंद हो (?:गया|गई|गयी)`,
        `kaam ${NAHI} kar ${RAHA}|chal ${NAHI} ${RAHA}|${NAHI} chal ${RAHA}`,
        `(?:service|app|site|network|internet|net|server) band ${HO_GAYA}|band pada|band padi`,
        `(?:network|net|internet|signal|range) ${NAHI} (?:hai|aa ${RAHA}|chal ${RAHA})`,
        `login ${NAHI} ho ${RAHA}|connect ${NAHI} ho ${RAHA}`,
      ],
    },
  },
  {
    reason: 'legal threat',
    weight: 30,
    phrases: {
      en: [
        'lawyers?|lawsuit|legal action|legal notice|small claims|attorneys?|class action',
        // Not "Sue from support", nor Italian "le sue" (her/his).
        '(?<!(?:le|delle|alle|nelle|dalle|sulle|per le|tra le|fra le|con le) )sue(?! (?:from|at|in|who|was|is|said|says|and)(?![\\p{L}\\p{N}]))|suing|sued',
        '(?:take|taking|took) (?:you|them|this|it|\\S+) to court|see you in court',
        '(?:report|reported|reporting) (?:you |this |them |it )?to (?:the )?(?:ftc|bbb|fcc|cfpb|ombudsman|regulator|trading standards|attorney general|consumer protection)',
      ],
      es: [
        'abogad[oa]s?|(?:los |les |te |lo )?(?:voy a |vamos a )?demandar(?:los|les|te|lo)?|demandare|demanda judicial|(?:poner|interponer) una demanda|una demanda contra',
        'acci(?:on|ones) legal(?:es)?|via judicial|tribunal(?:es)?|juzgado',
        '(?:voy a |los voy a )?denunciar(?:los|les)?|denuncia (?:ante|en|a) (?:profeco|la policia|consumo|fiscalia|la omic)',
        'profeco|hoja de reclamaciones|oficina del consumidor',
      ],
      fr: [
        'mon avocat|(?:contacter|prendre|consulter|voir|saisir|appeler) (?:un|mon) avocat|avocats',
        'porter plainte|(?:deposer|deposerai|porte) plainte|plainte contre',
        'poursuites? judiciaires?|poursuivre en justice|action en justice|en justice|tribunal|mise en demeure',
        'ufc(?:-| )?que choisir|dgccrf|60 millions de consommateurs|mediateur',
      ],
      de: [
        '(?:rechts)?anw(?:a|ae)lt(?:e|in|s|en)?|klage|verklag(?:e|en|t)|vor gericht|gerichtlich\\p{L}*',
        'rechtliche (?:schritte|konsequenzen)|verbraucherzentrale|(?:straf)?anzeige (?:erstatten|erstattet|gegen)',
        'abmahnung|schlichtungsstelle|bundesnetzagentur',
      ],
      it: [
        'avvocat[oia]|(?:vi |ti )?denunci(?:o|ero|are)|denuncia|querela|(?:fare|faccio|faro|fate|fara) causa',
        'azion[ei] legal[ei]|vie legali|tribunale|giudice di pace|diffida',
        'codacons|altroconsumo|agcom',
      ],
      pt: [
        'advogad[oa]s?|(?:vou |vamos )?processar|processo judicial|(?:abrir|entrar com) (?:um )?processo|acao judicial',
        '(?:na|a) justica|juizado|pequenas causas|tribunal',
        'procon|(?:vou )?denunciar|consumidor\\.gov|anatel',
      ],
      ar: [
        'محامي|محامين|محاميي|قضية ضد|رفع قضية|ارفع قضية|سارفع|برفع قضية|دعوى|المحكمة|محكمة',
        'سأقاضي|ساقاضي|مقاضاة|بقاضي|نقاضي|اجراء قانوني|اجراءات قانونية|الاجراءات القانونية',
        'حماية المستهلك|شكوى رسمية',
      ],
      hi: [
        `वकील|कोर्ट|अदालत|कानूनी (?:कार्रवाई|नोटिस)|उपभोक्ता (?:फोरम|अदालत)|कंज्यूमर (?:कोर्ट|फोरम)|लीगल नोटिस|केस कर${DEV_TAIL}`,
        'vakil|wakil|vakeel|wakeel|consumer (?:court|forum)|legal notice|(?:kanooni|kanuni) (?:karwai|karyawahi)',
        'court (?:jaunga|jaaunga|jaungi|jayenge|le jaunga|me|mein)|case (?:karunga|karungi|kar dunga|kar dungi|karenge|file karunga)',
      ],
    },
  },
  {
    reason: 'churn risk',
    weight: 25,
    phrases: {
      en: [
        'cancel(?:l?ing|l?ed|s|l?ations?)?|refund(?:s|ed)?|chargeback|(?:my )?money back',
        'switch(?:ing)? to|never (?:buying|again|ordering|using)|done with',
        'unsubscrib(?:e|ed|ing)|clos(?:e|ing) my account|tak(?:e|ing) my business elsewhere',
      ],
      es: [
        'cancelar|cancel(?:o|e|are|ando|acion)|dar(?:me)? de baja|me (?:doy|di|voy a dar) de baja|darse de baja',
        'reembolso|devolu(?:cion) de(?:l| mi) dinero|(?:devuelvan|devuelvanme) (?:mi |el )?dinero|mi dinero de vuelta',
        'me (?:cambio|paso|voy) (?:a|con) (?:la competencia|otra (?:compania|empresa|operadora))|cambiarme (?:a|de compania)|portabilidad',
        'nunca mas|no (?:vuelvo|volvere) a (?:comprar|contratar|usar)',
      ],
      fr: [
        'resili(?:er|e|ation)|annul(?:er|e|ee|ation)|desabonn\\p{L}*',
        'rembours(?:ement|er|ez|e)',
        "(?:passe|pars|partir|aller|vais) (?:chez|a) la concurrence|je (?:vous )?quitte|change(?:r)? d'operateur",
        'plus jamais|jamais plus',
      ],
      de: [
        'k(?:u|ue)ndige|k(?:u|ue)ndigen|gek(?:u|ue)ndigt|k(?:u|ue)ndigung|stornier\\p{L}*|storno|abbestell\\p{L}*',
        '(?:r(?:u|ue)ck)?erstattung|(?<!anzeige )erstatten|(?:mein )?geld zur(?:u|ue)ck',
        '(?:ich )?wechsle (?:zu|den anbieter)|wechseln zu|anbieterwechsel',
        'nie wieder|nie mehr',
      ],
      it: [
        'disdett[ae]|disdir(?:e|o|ò)|disdico|recesso|annull(?:are|o|ato|ata|amento)',
        'rimbors[oi]|rimborsat[oi]|rimborsatemi|soldi indietro',
        '(?:passo|passare|passero|cambio|cambiare|cambiero) (?:ad? )?(?:un )?(?:altro|altra) (?:operatore|gestore|fornitore|compagnia)|(?:cambio|cambiare|cambiero) (?:operatore|gestore|fornitore)',
        'mai piu|non (?:comprero|compro) piu',
      ],
      pt: [
        'cancelar|cancel(?:ei|ado|ada|amento)|rescis(?:ao|ão)|rescindir',
        'reembolso|estorno|(?:meu )?dinheiro de volta|devolv(?:am|er) (?:meu )?dinheiro',
        '(?:vou |vamos )?(?:mudar|trocar|migrar) (?:de operadora|de banco|de empresa|para outra)|portabilidade',
        'nunca mais',
      ],
      ar: [
        'الغاء|الغي|سالغي|بلغي|نلغي|بالغي|إنهاء الاشتراك',
        'استرداد|استرجاع (?:المبلغ|فلوسي|اموالي|المال)|(?:ابي|ابغى|اريد|بدي|عايز|عاوز|رجعوا|رجعولي) (?:فلوسي|اموالي|مصاري|المبلغ)',
        '(?:سانتقل|بنتقل|راح انتقل|حانتقل|هنتقل|ساغير) (?:الى|ل|على)',
        'لن (?:اشتري|اتعامل)|(?:مش|ما|مو) (?:راح |ح |ه)?(?:اتعامل|اشتري) (?:معكم|منكم)|اخر مرة (?:اتعامل|اشتري)',
      ],
      hi: [
        `रिफंड|पैसे वापस|पैसा वापस|कैंसल|कैंसिल|रद्द|पोर्ट कर${DEV_TAIL}|कभी ${DEV_NAHI} (?:खरीद|लूं|लूँ|लेंगे)${DEV_TAIL}|दोबारा ${DEV_NAHI}`,
        'paise? (?:wapas|vapas|wapis|vapis)|paisa (?:wapas|vapas|wapis|vapis)',
        `(?:number )?port kar(?:a|wa|wana|ke|dunga|dungi|${RAHA})?|dusri company|doosri company`,
        `kabhi ${NAHI} (?:lunga|lungi|kharidunga|kharidungi)|dobara ${NAHI}|switch kar (?:dunga|dungi|${RAHA})`,
      ],
    },
  },
  {
    reason: 'nobody answers',
    weight: 22,
    phrases: {
      en: [
        '(?:nobody|no ?one|no-one) (?:(?:is|has|ever|will|here|there) )?(?:answers?|answered|answering|responds?|responded|responding|replies|replied|replying|gets? back|got back|getting back|picks? up|picked up|picking up|calls? (?:me )?back|called (?:me )?back|helps?|helped|helping)',
        'still (?:no|waiting (?:for|on) (?:a |any )?) ?(?:reply|response|answer|word|callback|call back)',
        'no (?:reply|response|answer|callback)s? (?:yet|from|after|since|in|for|at all|whatsoever)',
        "(?:never|didn'?t|haven'?t|hasn'?t|did not|have not|has not) (?:got|gotten|get|had|heard|received) (?:back|a (?:reply|response|answer|call ?back)|any (?:reply|response|answer))",
        'ignor(?:ed|ing) (?:me|my|us|our)|left (?:me )?on read|ghost(?:ed|ing) (?:me|us)',
        '(?:on hold|been waiting) for (?:\\d+|hours|days|weeks|over an? \\S+)',
      ],
      es: [
        'nadie (?:me |nos |te )?(?:responde|contesta|atiende|ayuda|respondio|contesto|dice nada|hace nada|da (?:una )?respuesta)',
        'ninguna respuesta|sin (?:respuesta|contestacion|noticias)|no hay respuesta',
        '(?:sigo|seguimos|todavia|aun) (?:sin|no hay|no tengo) (?:respuesta|noticias)',
        'no (?:me |nos )?(?:responden|contestan|atienden|han respondido|han contestado|dan respuesta|responde nadie|contesta nadie)',
        '(?:me|nos) (?:ignoran|estan ignorando|dejaron en visto)',
      ],
      fr: [
        "personne ne (?:me |nous )?(?:repond|decroche|rappelle|aide|reagit|m'aide|m'a repondu|a repondu|prend la peine)",
        'aucune? (?:reponse|nouvelles?|retour|rappel)|(?:toujours|encore) (?:pas de|aucune?|sans) (?:reponse|nouvelles?|retour)',
        'sans (?:reponse|nouvelles?|retour)|pas de (?:reponse|retour)',
        '(?:vous )?ne (?:me |nous )?(?:repondez|repondent|rappelez|rappellent) (?:pas|jamais|toujours pas|plus)',
        "(?:on|vous) (?:m'|nous )ignorez?|laisse(?:e)? en vu",
      ],
      de: [
        'niemand (?:hier )?(?:antwortet|reagiert|meldet sich|geht ran|geht ans telefon|hilft|ruft zur(?:u|ue)ck|k(?:u|ue)mmert sich)',
        'keiner (?:antwortet|reagiert|meldet sich|geht ran|hilft|ruft zur(?:u|ue)ck)',
        'keine (?:antwort|reaktion|r(?:u|ue)ckmeldung|r(?:u|ue)ckantwort)|ohne (?:antwort|reaktion|r(?:u|ue)ckmeldung)',
        '(?:antwortet|meldet sich) (?:hier )?(?:keiner|niemand|nicht)',
        'ignoriert (?:mich|uns|werden)|werde ignoriert|warteschleife',
        '(?:hotline|kundenservice|kundendienst|support|service) (?:ist |war )?(?:nicht|nie|telefonisch nicht) erreichbar',
      ],
      it: [
        'nessuno (?:mi |ci |vi )?(?:risponde|rispondera|ha risposto|aiuta|richiama|si fa sentire|si degna|alza il telefono)',
        'nessuna (?:risposta|notizia)|nessun (?:riscontro|ritorno)|senza (?:risposta|riscontro|notizie)',
        '(?:ancora|sempre) (?:nessuna risposta|senza risposta|niente)',
        'non (?:mi |ci )?(?:rispondete|rispondono|richiamate|richiamano|avete risposto|hanno risposto|risponde nessuno)',
        '(?:mi|ci) (?:ignorate|ignorano|state ignorando)',
      ],
      pt: [
        'ninguem (?:me |nos )?(?:responde|atende|ajuda|retorna|respondeu|atendeu|da retorno|da resposta)',
        '(?:sem|nenhuma|nenhum|nada de) (?:resposta|retorno)',
        '(?:ainda|continuo|sigo|seguimos|continuamos) sem (?:resposta|retorno)',
        'nao (?:me |nos )?(?:respondem|atendem|retornam|responderam|retornaram|deram retorno|dao retorno|dao resposta|atende ninguem)',
        'me ignoram|(?:estao|ficam) me ignorando|visualiza e nao responde',
      ],
      ar: [
        '(?:لا|ما|ولا|مافي|ما في|مفيش|محد|ماحد|لم) ?(?:احد|حد)? ?(?:يرد|بيرد|يردون|يردوا|بيردوا|ترد|تردون|تردوا|بتردوا|يجاوب|بيجاوب|يجاوبون|يجيب|يستجيب|يتجاوب|ردوا|رد احد)',
        'بدون رد|بلا رد|لا يوجد رد|ما في رد|مافي رد|مفيش رد|ولا رد|لم يتم الرد|لا حياة لمن تنادي',
        'لم (?:اتلق|اتلقى|احصل على) (?:اي )?(?:رد|جواب)|تجاهلوا|تجاهلوني|تجاهلتم|يتجاهلون|يتجاهلوني',
      ],
      hi: [
        `कोई (?:जवाब|रिप्लाई|रिस्पॉन्स|रिस्पांस) ${DEV_NAHI}|जवाब ${DEV_NAHI} (?:दे|मिल)${DEV_TAIL}|कोई (?:सुनता|सुनने वाला) ${DEV_NAHI}|फोन ${DEV_NAHI} उठा${DEV_TAIL}`,
        `koi (?:jawab|javab|jawaab|reply|response|responce) ${NAHI}`,
        `(?:jawab|javab|jawaab|reply|response) ${NAHI} (?:de|mil|aa|aaya|aya|diya|mila|dete|milta|milla)\\p{L}*`,
        `koi (?:sunta|sun ${RAHA}|sunne wala|sunnewala) ${NAHI}|(?:phone|call) ${NAHI} (?:utha|uthate|uthata|uthati|uthaya)\\p{L}*`,
      ],
    },
  },
];

// A letter, combining mark or digit: the edge of a whole-word match (`\b` knows only ASCII letters).
const WORD = '[\\p{L}\\p{M}\\p{N}]';

/**
 * The first HEAD characters (lowercased, a whitespace run as one space) that each default rule can
 * match from, with a bit per rule: a rule runs only on a mention one of whose words starts as one
 * of its phrasings can. The big expressions cost about 20 µs a mention; most mentions have no word
 * that starts like any phrasing, and the check costs about 1 µs.
 */
const HEAD = 8;
const HEAD_BITS = new Map<string, number>();
/** By a hash of a head's first three characters, a bit per length of the heads that start so. */
const HEAD_LENGTHS = new Uint16Array(1 << 16);
/** A head shorter than three characters (none today) turns that filter off. */
let shortHeads = false;
/** A 16-bit hash of the three characters from `i` (NaN past the end counts as 0). */
const start3 = (s: string, i: number) =>
  ((s.charCodeAt(i) * 961 + (s.charCodeAt(i + 1) | 0) * 31 + (s.charCodeAt(i + 2) | 0)) | 0) & 0xffff;
const PATTERN_BIT = new WeakMap<RegExp, number>();
let nextBit = 0;

/** One case-insensitive, Unicode-aware, whole-word regular expression from a reason's phrasings. */
export function intentPattern(phrases: IntentPhrases['phrases']): RegExp {
  const alternatives = INTENT_LANGUAGES.flatMap((lang) =>
    phrases[lang].map((source) => (lang === 'ar' ? `${AR_CLITICS}(?:${source})` : `(?:${source})`)),
  );
  // Folding the sources too keeps any accent or Arabic hamza written into them in step with the text.
  const source = foldForMatching(alternatives.join('|')).replace(/ \?/g, '\\s*').replace(/ /g, '\\s+');
  const pattern = new RegExp(`(?<!${WORD})(?:${source})(?!${WORD})`, 'iu');
  const heads = headsOf(source);
  if (heads !== undefined && nextBit < 31) {
    const bit = 1 << nextBit++;
    PATTERN_BIT.set(pattern, bit);
    for (const head of heads) {
      HEAD_BITS.set(head, (HEAD_BITS.get(head) ?? 0) | bit);
      if (head.length < 3) shortHeads = true;
      else HEAD_LENGTHS[start3(head, 0)] |= 1 << head.length;
    }
  }
  return pattern;
}

/**
 * Phrases that make a mention urgent whatever its tone, in English, Spanish, French, German,
 * Italian, Portuguese, Arabic and Hindi (Devanagari and romanised). The scorer tests each rule on
 * the text with accents and optional marks folded away (`foldForMatching`: "se cayó" reads
 * "se cayo", "أحد" reads "احد"). A brand's own rules are tested on that folded text and, when
 * folding changed it, on the text as written, so a pattern written with accents still matches;
 * case is never changed, a brand's pattern decides its case sensitivity with the `i` flag.
 */
export const DEFAULT_INTENTS: readonly IntentRule[] = INTENT_PHRASES.map(({ reason, weight, phrases }) => ({
  reason,
  weight,
  pattern: intentPattern(phrases),
}));

/** The rules that match `text`, in their order. */
export function matchingIntents(rules: readonly IntentRule[], text: string): IntentRule[] {
  const folded = foldForMatching(text);
  let candidates: number | undefined;
  return rules.filter((rule) => {
    const bit = PATTERN_BIT.get(rule.pattern);
    if (bit === undefined) return test(rule.pattern, folded) || (folded !== text && test(rule.pattern, text));
    candidates ??= candidateBits(folded.toLowerCase());
    return (candidates & bit) !== 0 && rule.pattern.test(folded);
  });
}

/** `pattern.test(text)` from the start, also for a brand's pattern with the g or y flag (which keep a position). */
function test(pattern: RegExp, text: string): boolean {
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  return pattern.test(text);
}

/** The bits of the default patterns that some word of `lower` starts as one of their phrasings can. */
function candidateBits(lower: string): number {
  const text = /[^\S ]| {2}/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A phrase starts after a non-word character; where unsure, this counts one more start.
    if ((c < 128 && !isAsciiAlnum(c)) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) continue;
    const lengths = shortHeads ? 0xffff : HEAD_LENGTHS[start3(text, i)];
    if (lengths === 0) continue;
    const head = text.slice(i, i + HEAD);
    for (let n = 1; n <= head.length; n++) if (lengths & (1 << n)) bits |= HEAD_BITS.get(head.slice(0, n)) ?? 0;
  }
  return bits;
}

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** Letters, marks and digits of the scripts phrases are written in (others count as word edges). */
function isWordCode(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c);
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x620 && c <= 0x669) ||
    (c >= 0x66e && c <= 0x6d3) ||
    (c >= 0x900 && c <= 0x963) ||
    (c >= 0x966 && c <= 0x96f) ||
    (c >= 0x971 && c <= 0x97f)
  );
}

/**
 * The first HEAD characters of every string `source` (as `intentPattern` writes it) can match,
 * lowercased, cut short where a character class or `\p{…}` could be anything; undefined when one
 * can start with anything. Reads the subset the phrasings use: literals, `(?:…)` and `|`, `[…]`,
 * `?`, `*`, `+`, `\s`, other escapes, and lookarounds (zero width, skipped).
 */
function headsOf(source: string): Set<string> | undefined {
  const ANY = '\u0000';
  let pos = 0;
  const concat = (a: Set<string>, b: Set<string>): Set<string> => {
    const out = new Set<string>();
    for (const x of a) {
      if (x.length >= HEAD || x.includes(ANY)) out.add(x);
      else for (const y of b) out.add((x + y).replace(/ {2,}/g, ' ').slice(0, HEAD));
    }
    return out;
  };
  const repeat = (atom: Set<string>, min: number): Set<string> => {
    let out = min === 0 ? new Set(['']) : atom;
    for (let k = 1; k < HEAD; k++) out = new Set([...out, ...concat(out, atom)]);
    return out;
  };
  const alt = (): Set<string> => {
    const out = new Set(seq());
    while (source[pos] === '|') {
      pos++;
      for (const s of seq()) out.add(s);
    }
    return out;
  };
  const seq = (): Set<string> => {
    let out = new Set(['']);
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      let atom = atomAt();
      const q = source[pos];
      if (q === '?' || q === '*' || q === '+' || q === '{') {
        pos = q === '{' ? source.indexOf('}', pos) + 1 : pos + 1;
        if (source[pos] === '?') pos++;
        if (atom.size === 1 && atom.has(' ')) atom = q === '+' ? atom : new Set(['', ' ']);
        else atom = q === '?' ? new Set(['', ...atom]) : repeat(atom, q === '+' ? 1 : 0);
      }
      out = concat(out, atom);
    }
    return out;
  };
  const atomAt = (): Set<string> => {
    const ch = source[pos++];
    if (ch === '(') {
      const look = /^\?<?[=!]/.exec(source.slice(pos, pos + 3));
      if (look) pos += look[0].length;
      else if (source.startsWith('?:', pos)) pos += 2;
      const inner = alt();
      pos++; // ')'
      return look ? new Set(['']) : inner;
    }
    if (ch === '[') {
      const end = source.indexOf(']', pos);
      const body = source.slice(pos, end);
      pos = end + 1;
      return /[\\-]/.test(body) ? new Set([ANY]) : new Set([...body.toLowerCase()]);
    }
    if (ch === '\\') {
      const e = source[pos++];
      if (e === 's') return new Set([' ']);
      if (e === 'p' || e === 'P') pos = source.indexOf('}', pos) + 1;
      if (/[pPdDwWS]/.test(e)) return new Set([ANY]);
      if (e === 'b' || e === 'B') return new Set(['']);
      return new Set([e.toLowerCase()]);
    }
    if (ch === '.') return new Set([ANY]);
    if (ch === '^' || ch === '$') return new Set(['']);
    return new Set([ch.toLowerCase()]);
  };
  const heads = new Set<string>();
  for (const head of alt()) {
    const known = head.split(ANY)[0];
    if (known === '') return undefined;
    heads.add(known);
  }
  return heads;
}

export const DEFAULT_URGENCY_POLICY: UrgencyPolicy = {
  base: 5,
  complaint: { weight: 20, minProbability: 0.5 },
  negativeSentiment: { weight: 20 },
  intents: DEFAULT_INTENTS,
  verifiedAuthor: 10,
  reach: { minFollowers: 1_000, atMin: 5, perDecade: 10, max: 25 },
  velocity: { minPerHour: 20, atMin: 5, perDecade: 10, max: 20 },
  vip: { handles: [], points: 30 },
  repeatContact: { perContact: 8, max: 20 },
  waited: { minMinutes: 30, perHour: 6, max: 20 },
  thresholds: { normal: 25, high: 50, critical: 75 },
};

/** Merges a brand's partial policy over the defaults, one level deep. */
export function resolvePolicy(overrides: PartialPolicy = {}): UrgencyPolicy {
  const d = DEFAULT_URGENCY_POLICY;
  return {
    base: overrides.base ?? d.base,
    complaint: { ...d.complaint, ...overrides.complaint },
    negativeSentiment: { ...d.negativeSentiment, ...overrides.negativeSentiment },
    intents: overrides.intents ?? d.intents,
    verifiedAuthor: overrides.verifiedAuthor ?? d.verifiedAuthor,
    reach: { ...d.reach, ...overrides.reach },
    velocity: { ...d.velocity, ...overrides.velocity },
    vip: { ...d.vip, ...overrides.vip },
    repeatContact: { ...d.repeatContact, ...overrides.repeatContact },
    waited: { ...d.waited, ...overrides.waited },
    thresholds: { ...d.thresholds, ...overrides.thresholds },
  };
}

export type PartialPolicy = {
  [K in keyof UrgencyPolicy]?: UrgencyPolicy[K] extends readonly unknown[]
    ? UrgencyPolicy[K]
    : Partial<UrgencyPolicy[K]>;
};

export function urgencyLevel(urgency: number, thresholds: UrgencyPolicy['thresholds']): UrgencyLevel {
  if (urgency >= thresholds.critical) return 'critical';
  if (urgency >= thresholds.high) return 'high';
  if (urgency >= thresholds.normal) return 'normal';
  return 'low';
}

/** Log-scale points: `atMin` at `min`, `perDecade` more per factor of ten, capped at `max`; 0 below `min`. */
export function logPoints(value: number, s: { atMin: number; perDecade: number; max: number }, min: number): number {
  if (!(value >= min) || min <= 0) return 0;
  return Math.min(s.max, Math.round((Math.log10(value) - Math.log10(min)) * s.perDecade + s.atMin));
}

export function formatCount(n: number): string {
  // 999,500 rounds to "1000k": switch to millions where the thousands would round up to 1,000.
  if (n >= 999_500) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 1_000) return `${Math.round(n / 1_000)}k`;
  return String(Math.round(n));
}
