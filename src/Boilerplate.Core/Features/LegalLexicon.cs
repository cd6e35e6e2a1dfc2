using System.Buffers;
using System.Collections.Frozen;

namespace Boilerplate.Core.Features;

/// <summary>
/// Phrases and markup tokens that mark legal boilerplate (cookie and consent notices, copyright lines, privacy and
/// terms links, disclaimers, imprints) in many languages. They derive the training labels of blocks that are not
/// article body, and the second stage reads the same counts as facts, so the markup around a notice cannot outvote
/// its words; the first stage learns from character n-grams, so the model is not bound to these lists.
/// </summary>
public static class LegalLexicon
{
    // Stems, lower case. A phrase that begins with a letter of a spaced script must begin a word ("agb" is not found
    // in "tagblatt"), but may run on ("datenschutz" finds "datenschutzerklärung", "privacy polic" finds "policies").
    // Each phrase once: a block's phrases are counted, so a repeated entry would count its phrase twice. Spanish and
    // Portuguese share "utilizamos cookies" and "uso de cookies", listed under Spanish.
    internal static readonly string[] Phrases =
    [
        // English
        "privacy polic", "privacy notice", "privacy statement", "privacy settings", "privacy choices", "privacy preferences",
        "privacy center", "your privacy", "do not sell", "terms of use", "terms of service", "terms and conditions",
        "terms & conditions", "conditions of use", "all rights reserved", "copyright", "©", "(c) 19", "(c) 20",
        "disclaimer", "legal notice", "imprint", "accessibility statement", "cookie polic", "cookie settings",
        "cookie preferences", "cookie notice", "cookie consent", "cookie statement", "use cookies", "uses cookies",
        "using cookies", "accept cookies", "accept all cookies", "reject all", "accept all", "manage cookies", "manage consent",
        "manage preferences", "necessary cookies", "essential cookies", "third-party cookies", "similar technologies",
        "we may earn", "earn a commission", "affiliate commission", "affiliate link", "paid commissions", "does not constitute",
        "informational purposes only", "not intended as", "not a substitute for professional", "personal data",
        "personal information", "gdpr", "ccpa", "consent to", "your consent", "opt out", "opt-out", "ad choices", "adchoices",
        "registered trademark", "trademarks of", "licensed under", "creative commons", "without permission",
        "without prior written", "data protection", "these cookies", "this cookie", "cookies are used", "cookies we use",
        "allow cookies", "strictly necessary", "functional cookies", "performance cookies",
        "analytics cookies", "advertising cookies", "marketing cookies", "targeting cookies", "do not necessarily reflect",
        // German
        "datenschutz", "impressum", "alle rechte vorbehalten", "nutzungsbedingungen", "agb", "allgemeine geschäftsbedingungen",
        "cookie-einstellungen", "einwilligung", "haftungsausschluss", "rechtliche hinweise", "urheberrecht",
        "personenbezogene", "widerruf", "cookies und ähnliche", "verwendet cookies", "verwenden cookies", "nutzen cookies",
        "nutzt cookies", "setzt cookies", "einsatz von cookies", "alle akzeptieren", "keine haftung",
        // French
        "mentions légales", "politique de confidentialité", "confidentialité", "tous droits réservés", "conditions générales",
        "conditions d'utilisation", "conditions d’utilisation", "gestion des cookies", "paramètres des cookies",
        "données personnelles", "consentement", "droits d'auteur", "droit d'auteur", "avertissement", "utilise des cookies",
        "utilisons des cookies", "dépôt de cookies", "traceurs", "tout accepter", "tout refuser",
        // Spanish
        "aviso legal", "política de privacidad", "todos los derechos reservados", "términos y condiciones", "condiciones de uso",
        "política de cookies", "configuración de cookies", "datos personales", "consentimiento", "derechos de autor",
        "protección de datos", "aviso de privacidad", "utiliza cookies", "utilizamos cookies", "usamos cookies", "uso de cookies",
        "aceptar todas", "rechazar todas",
        // Polish
        "polityka prywatności", "polityką prywatności", "polityki prywatności", "wszelkie prawa zastrzeżone", "regulamin",
        "pliki cookie", "plików cookie", "ciasteczk", "dane osobowe", "danych osobowych", "rodo", "nota prawna", "prawa autorskie",
        "prawo autorskie",
        // Italian
        "informativa sulla privacy", "informativa privacy", "tutti i diritti riservati", "termini e condizioni",
        "condizioni d'uso", "condizioni di utilizzo", "note legali", "dati personali", "consenso", "partita iva", "p.iva",
        "utilizza cookie", "utilizziamo i cookie", "utilizziamo cookie", "uso dei cookie", "accetta tutti", "rifiuta tutti",
        // Portuguese
        "política de privacidade", "todos os direitos reservados", "termos de uso", "termos e condições", "termos de serviço",
        "dados pessoais", "consentimento", "direitos autorais", "proteção de dados", "usa cookies", "aceitar todos",
        // Dutch
        "privacybeleid", "privacyverklaring", "alle rechten voorbehouden", "algemene voorwaarden", "gebruiksvoorwaarden",
        "cookiebeleid", "cookie-instellingen", "persoonsgegevens", "toestemming", "gebruikt cookies", "gebruiken cookies",
        "gebruik van cookies", "alle cookies",
        // Russian
        "политика конфиденциальности", "политикой конфиденциальности", "политики конфиденциальности", "все права защищены",
        "пользовательское соглашение", "условия использования", "файлы cookie", "файлов cookie", "персональных данных",
        "персональные данные", "согласие", "авторские права", "правообладател", "cookie-файл", "куки",
        // Chinese
        "隐私政策", "隐私权", "版权所有", "保留所有权利", "使用条款", "服务条款", "免责声明", "个人信息", "备案", "icp备",
        "隱私權", "版權所有", "使用條款", "免責聲明", "個人資料", "使用cookie", "cookie政策", "cookie设置",
        // Japanese
        "プライバシーポリシー", "利用規約", "著作権", "無断転載", "クッキー", "個人情報",
        // Arabic
        "سياسة الخصوصية", "جميع الحقوق محفوظة", "الشروط والأحكام", "شروط الاستخدام", "ملفات تعريف الارتباط",
        "البيانات الشخصية", "إخلاء المسؤولية", "حقوق النشر", "الخصوصية", "الكوكيز", "شروط الخدمة", "يحظر نسخ",
        "موافقتك", "توافق على",
        // Notices by concept in the languages above: reproduction bans, advice and liability disclaimers, age gates,
        // consent by browsing on, data controllers, paid placements.
        "reproduction prohibited", "not be reproduced", "reproduction without", "medical advice",
        "financial advice", "investment advice", "legal advice", "not investment", "past performance", "for educational purposes",
        "years or older", "years of age or older", "of legal drinking age", "by continuing to", "by using this site",
        "by using our site", "by using this website", "you agree to", "you consent", "data controller", "sponsored content",
        "paid partnership", "paid placement", "advertising disclosure", "affiliate disclosure",
        "vervielfältigung", "ohne gewähr", "keine gewähr", "ersetzt keine", "keine anlageberatung", "ab 18 jahren",
        "weitere nutzung", "verantwortlich im sinne", "werbelink",
        "reproduction interdite", "reproduction totale ou partielle", "ne remplace pas", "en poursuivant votre navigation", "vous acceptez",
        "responsable du traitement", "lien affilié", "liens affiliés",
        "prohibida la reproducción", "reproducción total o parcial", "no sustituye", "al continuar navegando", "aceptas", "acepta el uso",
        "responsable del tratamiento", "enlaces de afiliado", "mayores de 18", "mayor de edad",
        "riproduzione riservata", "riproduzione vietata", "non sostituiscono", "non sostituisce", "proseguendo nella navigazione", "acconsenti",
        "titolare del trattamento", "link di affiliazione", "maggiorenne",
        "proibida a reprodução", "reprodução total ou parcial", "não substitui", "ao continuar navegando", "você concorda",
        "links de afiliado", "maiores de 18",
        "verveelvoudigd", "overgenomen zonder", "vervangt geen", "door verder te", "ga je akkoord", "gaat u akkoord",
        "verwerkingsverantwoordelijke",
        "administratorem", "kopiowanie", "przedruk", "nie zastępuje", "korzystając ze strony", "wyrażasz zgodę",
        "linki afiliacyjne", "pełnoletn",
        "публичной офертой", "публичная оферта", "старше 18", "18+", "копирование материалов", "перепечатка",
        "использование материалов", "вы соглашаетесь",
        "未经许可", "未经授权", "不得转载", "禁止转载", "转载请注明", "继续浏览", "同意我们", "不构成", "年满18",
        "無断複製", "無断使用", "同意したもの", "免責事項", "18歳未満", "投資助言",
        // Warranty and liability disclaimers, company registration, data-protection law, protected content,
        // information-only notices.
        "without warranty", "without warranties", "warranties of any kind", "not liable", "no liability", "not responsible for",
        "no responsibility", "aucune responsabilité", "ne saurait être tenu", "sin garantía", "no se responsabiliza",
        "nessuna responsabilità", "non si assume", "sem garantia", "geen aansprakelijkheid", "nie ponosi odpowiedzialności",
        "не несет ответственности", "не несёт ответственности", "不承担", "責任を負", "책임지지",
        "registered in england", "registered office", "company no", "company number", "company registration", "vat no",
        "vat number", "handelsregister", "registergericht", "ust-id", "capital social", "kvk-nummer",
        "2016/679", "rgpd", "dsgvo", "lgpd", "152-фз", "ai sensi",
        "protégé par le droit", "protegido por derechos",
        "protegido por direitos", "auteursrechtelijk", "prawem autorskim", "авторским правом", "受版权保护",
        "unauthorized use", "unauthorised use", "侵权", "無断で", "転用", "nicht gestattet", "interdite sans", "prohibida su",
        "vietata la", "zabronione", "запрещено",
        "for information purposes", "general information only", "general in nature", "carácter informativo", "à titre informatif",
        "a titre informatif", "scopo informativo", "fins informativos", "informationszwecken", "charakter informacyjny",
        "носит информационный", "仅供参考", "einverstanden", "you accept",
        // Disclaimers by concept in the languages above: medical advice, gambling, alcohol and age notices, price notices,
        // authors' opinions, non-affiliation and trademark owners, affiliate earnings, data processing under forms,
        // editorial liability and accuracy, copying bans.
        "consult your doctor", "consult your physician", "consult a physician", "consult with your doctor",
        "consult your healthcare", "consult a qualified", "not intended to diagnose", "diagnose, treat, cure",
        "seek professional medical", "fragen sie ihren arzt", "ärztlichen rat", "consultez votre médecin",
        "consultez un médecin", "avis médical", "consulte a su médico", "consulte con su médico", "consejo médico",
        "consulta il tuo medico", "consultare il proprio medico", "parere medico", "consulte seu médico",
        "consulte um médico", "aconselhamento médico", "raadpleeg uw arts", "raadpleeg je arts", "medisch advies",
        "skonsultuj się z lekarzem", "porady lekarskiej", "проконсультируйтесь с врачом", "консультация врача",
        "doktorunuza danış", "hekiminize danış", "医師に相談", "请咨询医生", "의사와 상담", "gamble responsibly", "gambling problem",
        "problem gambling", "begambleaware", "gamcare", "play responsibly", "t&cs apply", "verantwortungsvoll spielen",
        "glücksspiel kann süchtig", "jouez responsablement", "jeu responsable", "juega con responsabilidad",
        "juego responsable", "gioco responsabile", "gioca responsabilmente", "jogue com responsabilidade",
        "jogo responsável", "speel bewust", "odpowiedzialna gra", "hazard uzależnia", "играйте ответственно",
        "drink responsibly", "enjoy responsibly", "verantwortungsvoll genießen", "consommer avec modération",
        "l'abus d'alcool", "l’abus d’alcool", "bebe con moderación", "beba com moderação", "bevi responsabilmente", "must be 18",
        "must be 21", "are you over 18", "are you of legal", "of legal age", "prices are subject to change",
        "subject to change without notice", "prices may vary", "prices and availability", "prices were accurate",
        "änderungen vorbehalten", "irrtümer vorbehalten", "sous réserve de modification", "sujetos a cambios",
        "soggetti a variazioni", "sujeitos a alteração", "opinions expressed", "views expressed", "views and opinions",
        "those of the author", "the author's own", "the author’s own", "n'engagent que", "n’engagent que", "opiniones vertidas", "opiniones expresadas",
        "opinioni espresse", "opiniões expressas", "meningen van de auteur", "мнение редакции", "мнение автора",
        "точка зрения редакции", "yazarın kendisine ait", "yazarına aittir", "不代表本站", "仅代表作者", "本文观点", "代表本网站",
        "not affiliated with", "not endorsed by", "not associated with", "respective owners", "respective holders",
        "trademarks are the property", "propriété exclusive", "propriété de leurs", "marques déposées",
        "propiedad de sus respectivos", "marcas registradas", "proprietà dei rispettivi", "di proprietà dei",
        "marchi registrati", "propriedade de seus", "eigendom van de respectieve", "товарные знаки", "ticari markalar",
        "we may receive", "may receive a commission", "receive compensation", "may be compensated",
        "commission on purchases", "contain affiliate", "contains affiliate", "provisionslink", "liens d'affiliation",
        "link affiliati", "links afiliados", "partnerlinks", "traitement informatique", "traitement de vos données",
        "informatique et libertés", "tratamiento de sus datos", "tratamiento de datos", "trattamento dei dati",
        "tratamento de dados", "verarbeitung ihrer daten", "przetwarzanie danych", "przetwarzania danych",
        "обработку персональных", "no se hace responsable", "declina toda responsabilidad",
        "décline toute responsabilité", "accuracy or completeness", "errors or omissions", "make no representations",
        "makes no representations", "kopyalanması yasaktır", "izinsiz kopyalan", "без письменного", "转载须",
        // Turkish
        "gizlilik politikası", "çerez", "tüm hakları saklıdır", "kullanım koşulları", "kişisel veriler",
        "kvkk", "aydınlatma metni", "sorumluluk reddi", "yasal uyarı", "izinsiz kullanılamaz", "kabul etmiş olursunuz",
        // Swedish, Danish, Norwegian
        "integritetspolicy", "personuppgifter", "använder kakor", "använder cookies", "alla rättigheter förbehållna",
        "ansvarig utgivare", "användarvillkor", "godkänner du", "privatlivspolitik", "persondata", "bruger cookies",
        "alle rettigheder forbeholdes", "ansvarshavende redaktør", "personvern",
        "informasjonskapsler", "alle rettigheter reservert", "ansvarlig redaktør", "vilkår for bruk", "samtykke",
        // Finnish
        "tietosuoja", "evästeet", "evästeitä", "kaikki oikeudet pidätetään", "käyttöehdot", "henkilötiedot", "päätoimittaja",
        // Czech, Slovak
        "osobních údajů", "soubory cookie", "všechna práva vyhrazena", "podmínky použití",
        "osobných údajov", "súbory cookie", "všetky práva vyhradené", "súhlas",
        // Hungarian
        "adatvédelm", "sütik", "minden jog fenntartva", "felhasználási feltételek", "személyes adat", "impresszum",
        // Romanian
        "politica de confidențialitate", "politica de confidentialitate", "toate drepturile rezervate", "termeni și condiții",
        "date personale", "datele cu caracter personal", "folosește cookie", "utilizează cookie",
        // Greek
        "πολιτική απορρήτου", "προσωπικά δεδομένα", "με επιφύλαξη παντός δικαιώματος", "όροι χρήσης", "cookies για",
        // Ukrainian, Bulgarian, Serbian, Croatian, Slovenian
        "політика конфіденційності", "усі права захищені", "всі права захищені", "персональних даних", "файли cookie",
        "политика за поверителност", "всички права запазени", "лични данни", "бисквитки", "политика приватности",
        "сва права задржана", "sva prava pridržana", "sva prava zadržana", "politika privatnosti", "kolačić", "osobni podaci",
        "osobnih podataka", "vse pravice pridržane", "piškotk", "varstvo osebnih podatkov",
        // Catalan
        "tots els drets reservats", "política de privadesa", "avís legal", "galetes",
        // Korean
        "개인정보", "쿠키", "저작권", "무단 전재", "무단전재", "재배포 금지", "이용약관", "면책",
        // Vietnamese, Indonesian and Malay, Thai
        "chính sách bảo mật", "bản quyền", "điều khoản sử dụng", "thông tin cá nhân", "kebijakan privasi", "hak cipta",
        "syarat dan ketentuan", "data pribadi", "menggunakan cookie", "dasar privasi", "hakcipta terpelihara",
        "นโยบายความเป็นส่วนตัว", "สงวนลิขสิทธิ์", "คุกกี้", "ข้อมูลส่วนบุคคล", "ข้อกำหนดการใช้งาน",
        // Hebrew, Persian, Hindi
        "מדיניות פרטיות", "כל הזכויות שמורות", "תנאי שימוש", "עוגיות", "حریم خصوصی", "کلیه حقوق", "کوکی", "شرایط استفاده",
        "गोपनीयता नीति", "सर्वाधिकार सुरक्षित", "कुकीज़", "नियम और शर्तें", "अस्वीकरण",
    ];

    private static readonly FrozenSet<string> AttributeTokens = new[]
    {
        "cookie", "cookies", "consent", "gdpr", "ccpa", "legal", "copyright", "disclaimer", "privacy", "terms", "imprint",
        "impressum", "onetrust", "didomi", "cookiebot", "usercentrics", "truste", "osano", "cookielaw", "optanon",
        "disclosure", "colophon", "datenschutz",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int NearestAttributeTokens = 16;

    /// <summary>"All rights reserved" in the languages the lexicon covers: how a site's copyright line ends.</summary>
    private static readonly string[] RightsReserved =
    [
        "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
        "wszelkie prawa zastrzeżone", "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden",
        "все права защищены", "版权所有", "版權所有", "保留所有权利", "جميع الحقوق محفوظة", "tüm hakları saklıdır",
        "alla rättigheter förbehållna", "alle rettigheder forbeholdes", "kaikki oikeudet pidätetään", "všechna práva vyhrazena",
        "všetky práva vyhradené", "minden jog fenntartva", "toate drepturile rezervate", "усі права захищені",
        "всички права запазени", "tots els drets reservats", "כל הזכויות שמורות", "सर्वाधिकार सुरक्षित", "สงวนลิขสิทธิ์",
        "無断転載", "무단 전재", "무단전재",
    ];

    /// <summary>
    /// Phrases that only notices use, whatever their length: a block that is not article and says any of them is a
    /// cookie banner, a copyright line or a rights notice even when it runs to a paragraph. Names of legal pages
    /// ("privacy policy", "terms of use") are not among them: a long menu names those too.
    /// </summary>
    private static readonly string[] NoticeMarks =
    [
        "cookie", "куки", "クッキー", "ciasteczk", "الكوكيز", "ملفات تعريف الارتباط", "traceurs",
        "copyright", "©", .. RightsReserved, "without prior written",
        "informational purposes only", "not a substitute for professional", "does not constitute", "earn a commission",
        "affiliate commission", "affiliate link", "haftungsausschluss", "免责声明", "免責聲明", "إخلاء المسؤولية",
        "çerez", "kakor", "evästeet", "evästeitä", "sütik", "sütiket", "informasjonskapsler", "piškotk", "kolačić", "galetes",
        "бисквитки", "쿠키", "คุกกี้", "עוגיות", "کوکی", "कुकीज़", "sva prava", "hak cipta", "bản quyền",
        "저작권", "未经许可", "不得转载", "禁止转载", "無断複製", "reproduction interdite",
        "prohibida la reproducción", "proibida a reprodução", "riproduzione riservata", "may not be reproduced",
        "not be reproduced", "medical advice", "financial advice", "investment advice", "past performance", "years or older",
        "ohne gewähr", "ersetzt keine", "ne remplace pas", "no sustituye", "non sostituiscono", "não substitui",
        "публичной офертой", "старше 18", "sorumluluk reddi", "免責事項", "without warranty", "warranties of any kind",
        "not liable", "registered office", "registered in england", "2016/679", "rgpd", "dsgvo", "urheberrechtlich",
        "protégé par le droit", "protegido por derechos", "prawem autorskim", "авторским правом", "受版权保护", "侵权",
        "unauthorized use", "unauthorised use", "仅供参考",
        "opinions expressed", "views expressed", "views and opinions", "n'engagent que", "n’engagent que", "opiniones vertidas",
        "opinioni espresse", "opiniões expressas", "мнение редакции", "不代表本站", "仅代表作者", "not intended to diagnose",
        "diagnose, treat, cure", "respective owners", "trademarks are the property", "contain affiliate", "contains affiliate",
        "may receive a commission", "gamble responsibly", "begambleaware", "drink responsibly", "consommer avec modération",
        "traitement informatique", "informatique et libertés",
    ];

    /// <summary>Longest line that still counts as a site's copyright line: longer text is a notice of another kind.</summary>
    public const int MaxCopyrightLineChars = 160;

    /// <summary>Bits of the trigram filter: 64K bits, of which the phrases' first three characters set a few hundred.</summary>
    private const int FilterBits = 16;

    /// <summary>Phrases of three characters or more by their first three (packed), the filter's second look.</summary>
    private static readonly FrozenDictionary<ulong, int[]> PhrasesByTrigram = Enumerable.Range(0, Phrases.Length)
        .Where(index => Phrases[index].Length >= 3)
        .GroupBy(index => Pack(Phrases[index][0], Phrases[index][1], Phrases[index][2]))
        .ToFrozenDictionary(group => group.Key, group => group.ToArray());

    /// <summary>One bit per hashed trigram that begins some phrase: most positions of most blocks fail here.</summary>
    private static readonly ulong[] TrigramFilter = BuildFilter();

    /// <summary>The few phrases shorter than three characters ("©", two-character CJK words), by first character.</summary>
    private static readonly FrozenDictionary<char, int[]> ShortPhrases = Enumerable.Range(0, Phrases.Length)
        .Where(index => Phrases[index].Length < 3)
        .GroupBy(index => Phrases[index][0])
        .ToFrozenDictionary(group => group.Key, group => group.ToArray());

    /// <summary>The lowest first character of <see cref="ShortPhrases"/> ("©" today): text below it, all ASCII, skips the lookup.</summary>
    private static readonly char LowestShortStart = ShortPhrases.Keys.Min();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeLookup = AttributeTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of distinct legal phrases in <paramref name="text"/>.</summary>
    public static int CountPhrases(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var lower = buffer.AsSpan(0, text.Length);
            text.AsSpan().ToLowerInvariant(lower);
            return CountIn(lower);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// One pass over the block: at each position a bit of the trigram filter says whether some phrase may begin
    /// there, and only then are the phrases with those first three characters tried. SearchValues' multi-string
    /// search over all its phrases took several times longer on the same blocks.
    /// </summary>
    private static int CountIn(ReadOnlySpan<char> lower)
    {
        Span<ulong> found = stackalloc ulong[(Phrases.Length + 63) / 64];
        var hits = 0;
        for (var at = 0; at < lower.Length; at++)
        {
            var c = lower[at];
            if (at + 2 < lower.Length)
            {
                var next = lower[at + 1];
                var third = lower[at + 2];
                var bit = Hash(c, next, third);
                if ((TrigramFilter[bit >> 6] & (1UL << (bit & 63))) != 0 && PhrasesByTrigram.TryGetValue(Pack(c, next, third), out var candidates))
                {
                    hits += Match(lower, at, candidates, found);
                }
            }

            if (c >= LowestShortStart && ShortPhrases.TryGetValue(c, out var shortCandidates))
            {
                hits += Match(lower, at, shortCandidates, found);
            }
        }

        return hits;
    }

    /// <summary>Marks the candidates found at <paramref name="at"/> that were not found before; returns how many.</summary>
    private static int Match(ReadOnlySpan<char> lower, int at, int[] candidates, Span<ulong> found)
    {
        var rest = lower[at..];
        // Only a letter of the same kind of script continues a word: "使用Cookie" begins a word at "Cookie".
        var wordStart = at == 0 || !(IsSpacedScriptLetter(lower[at - 1]) || char.IsDigit(lower[at - 1]));
        var hits = 0;
        foreach (var index in candidates)
        {
            ref var word = ref found[index >> 6];
            var bit = 1UL << (index & 63);
            var phrase = Phrases[index];
            if ((word & bit) == 0 && rest.StartsWith(phrase, StringComparison.Ordinal) && (wordStart || !IsSpacedScriptLetter(phrase[0])))
            {
                word |= bit;
                hits++;
            }
        }

        return hits;
    }

    private static ulong Pack(char first, char second, char third) => first | ((ulong)second << 16) | ((ulong)third << 32);

    private static int Hash(char first, char second, char third) => ((first << 10) ^ (second << 5) ^ third) & ((1 << FilterBits) - 1);

    private static ulong[] BuildFilter()
    {
        var filter = new ulong[(1 << FilterBits) / 64];
        foreach (var phrase in Phrases.Where(phrase => phrase.Length >= 3))
        {
            var bit = Hash(phrase[0], phrase[1], phrase[2]);
            filter[bit >> 6] |= 1UL << (bit & 63);
        }

        return filter;
    }

    /// <summary>Whether <paramref name="text"/> holds a phrase only notices use (cookies, copyright, rights reserved, disclaimers).</summary>
    public static bool HasNoticeMark(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        foreach (var mark in NoticeMarks)
        {
            if (lower.Contains(mark, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a site's copyright line: short, and opening with "©" (or Korean sites' "ⓒ"),
    /// "(c)" or "Copyright" and naming a year, or saying "all rights reserved" (or "no reproduction without permission",
    /// as Japanese and Korean sites close) in one of the lexicon's languages. A sentence that only
    /// mentions copyright ("Copyright license", "sparked alarm over copyright") is not one.
    /// </summary>
    public static bool IsCopyrightLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        if (span.IsEmpty || span.Length > MaxCopyrightLineChars)
        {
            return false;
        }

        // Text pages ask this of most dropped lines from the bottom up: lower-case on the stack, not in two strings.
        Span<char> lower = stackalloc char[MaxCopyrightLineChars];
        lower = lower[..span.ToLowerInvariant(lower)];
        foreach (var phrase in RightsReserved)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var start = 0;
        while (start < lower.Length && start < 3 && !char.IsLetterOrDigit(lower[start]) && lower[start] is not ('©' or 'ⓒ' or '('))
        {
            start++;
        }

        ReadOnlySpan<char> head = lower[start..];
        return (head.StartsWith("©") || head.StartsWith("ⓒ") || head.StartsWith("(c)") || head.StartsWith("copyright")) && HasYear(head);
    }

    private static bool HasYear(ReadOnlySpan<char> text)
    {
        for (var i = 0; i + 4 <= text.Length; i++)
        {
            if ((text[i..].StartsWith("19") || text[i..].StartsWith("20")) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
                && (i == 0 || !char.IsAsciiDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the space-separated DOM attribute tokens name legal content (consent banner, legal footer...).</summary>
    public static bool HasLegalAttribute(string? attributeTokens)
    {
        if (string.IsNullOrEmpty(attributeTokens))
        {
            return false;
        }

        // Only the block's own and its nearest ancestors' tokens: a whole page sits inside some far ancestor
        // whose classes name every component on it.
        var taken = 0;
        foreach (var range in attributeTokens.AsSpan().Split(' '))
        {
            var token = attributeTokens.AsSpan(range);
            if (token.IsEmpty)
            {
                continue;
            }

            if (AttributeLookup.Contains(token))
            {
                return true;
            }

            if (++taken == NearestAttributeTokens)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsSpacedScriptLetter(char c) => char.IsLetter(c) && c < '\u0590';
}
