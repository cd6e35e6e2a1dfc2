using System.Collections.Frozen;
using System.Globalization;

namespace Boilerplate.Core.Features;

/// <summary>
/// The stock words of page chrome in many languages ("Read more", "Weiterlesen", "Share", "Most read", "Back to top",
/// "続きを読む"): a block that is such a phrase, or opens with one, is nearly always chrome wherever it stands. The second stage
/// reads <see cref="Share"/> as a fact beside the first stage's probabilities, so a "Read more" line right after an
/// article, where every neighbour is body, still has its words to speak for it, as a notice has the
/// <see cref="LegalLexicon"/>. The first stage learns the same words from character n-grams; the lexicon adds the
/// languages the corpora barely hold and a fact whose meaning does not depend on the training pages.
/// </summary>
public static class NavigationLexicon
{
    /// <summary>Blocks longer than this (after trimming) are never read as a chrome phrase: prose that opens with "Next" or "Home".</summary>
    public const int MaxChars = 200;

    // Lower case, single spaces; the block must be the phrase or open with it and go on past a word break (so "back"
    // is not found in "back-end" nor "print" in "print()"). Each phrase once. A phrase that articles use as a line of
    // their own ("see also", "find out more", "save") is left out: docs/experiments.md has how that was checked.
    internal static readonly string[] Phrases =
    [
        // English
        "read more", "read the full story", "read full story", "read full article", "read the full article",
        "read on", "continue reading", "keep reading", "full story", "more info", "learn more", "see more",
        "show more", "view more", "load more", "see all", "view all", "show all", "more stories", "more news",
        "more articles", "more from", "more in", "more on", "more like this", "related", "related articles",
        "related stories", "related posts", "related content", "related topics", "you may also like",
        "you might also like", "you may like", "recommended", "recommended for you", "most read", "most popular",
        "most viewed", "most shared", "popular", "trending", "trending now", "latest", "latest news",
        "latest stories", "top stories", "editor's picks", "editors' picks", "don't miss", "up next", "next",
        "next article", "next story", "next post", "previous", "previous article", "previous post", "prev",
        "older posts", "newer posts", "back", "back to top", "go to top", "return to top", "top of page",
        "skip to content", "skip to main content", "skip to navigation", "skip navigation", "jump to", "menu",
        "main menu", "navigation", "toggle navigation", "close menu", "open menu", "search", "home", "share",
        "share this", "share this article", "share this story", "share on facebook", "share on twitter", "tweet",
        "pin it", "email", "print", "print this page", "print this article", "save article", "bookmark", "follow us",
        "follow us on", "like us on", "find us on", "connect with us", "subscribe", "subscribe now", "sign up",
        "sign in", "log in", "login", "register", "log out", "my account", "create account", "newsletter",
        "sign up for our newsletter", "subscribe to our newsletter", "get the newsletter", "tags", "tagged",
        "tagged with", "topics", "categories", "category", "filed under", "posted in", "archives", "comments",
        "leave a comment", "leave a reply", "add a comment", "post a comment", "view comments", "show comments",
        "reply", "advertisement", "sponsored", "sponsored content", "watch", "watch now", "listen", "click here",
        "tap here", "download the app", "get the app", "contact us", "about us", "sitemap", "site map",
        // German
        "weiterlesen", "mehr lesen", "mehr dazu", "mehr zum thema", "mehr erfahren", "mehr anzeigen", "alle anzeigen",
        "mehr nachrichten", "mehr artikel", "auch interessant", "das könnte sie auch interessieren",
        "das könnte dich auch interessieren", "lesen sie auch", "lies auch", "empfohlen", "meistgelesen",
        "meistgelesene artikel", "beliebt", "neueste", "aktuelle nachrichten", "nächster artikel",
        "vorheriger artikel", "nächste", "vorige", "zurück", "nach oben", "zum inhalt springen", "zum hauptinhalt",
        "zur navigation", "hauptmenü", "suche", "startseite", "teilen", "artikel teilen", "drucken",
        "artikel drucken", "merken", "folgen sie uns", "folge uns", "abonnieren", "jetzt abonnieren", "anmelden",
        "registrieren", "abmelden", "mein konto", "newsletter abonnieren", "schlagwörter", "themen", "kategorien",
        "kommentare", "kommentieren", "kommentar schreiben", "antworten", "anzeige", "werbung", "gesponsert",
        // French
        "lire la suite", "lire plus", "en savoir plus", "voir plus", "voir tout", "afficher plus", "plus d'articles",
        "plus d'infos", "à lire aussi", "a lire aussi", "lire aussi", "à voir aussi", "vous aimerez aussi",
        "vous aimerez peut-être aussi", "sur le même sujet", "articles similaires", "articles liés", "les plus lus",
        "les plus populaires", "populaires", "tendances", "dernières actualités", "les dernières actualités",
        "à la une", "article suivant", "article précédent", "suivant", "précédent", "retour", "retour en haut",
        "retour en haut de la page", "haut de page", "aller au contenu", "aller au contenu principal",
        "passer au contenu", "menu principal", "rechercher", "recherche", "accueil", "partager",
        "partager sur facebook", "partager sur twitter", "imprimer", "enregistrer", "suivez-nous", "suivez-nous sur",
        "nous suivre", "s'abonner", "abonnez-vous", "s'inscrire", "inscrivez-vous", "se connecter", "connexion",
        "mon compte", "mots-clés", "mots clés", "catégories", "commentaires", "laisser un commentaire", "répondre",
        "publicité", "sponsorisé",
        // Spanish
        "leer más", "seguir leyendo", "continuar leyendo", "ver más", "ver todo", "ver todos", "mostrar más",
        "cargar más", "más información", "más noticias", "más artículos", "te puede interesar",
        "también te puede interesar", "le puede interesar", "quizás te interese", "noticias relacionadas",
        "artículos relacionados", "relacionado", "relacionados", "lo más leído", "más leídas", "más leídos",
        "más vistos", "populares", "tendencias", "últimas noticias", "lo último", "siguiente", "anterior",
        "artículo siguiente", "artículo anterior", "volver", "volver arriba", "ir arriba", "saltar al contenido",
        "ir al contenido", "menú", "menú principal", "buscar", "búsqueda", "inicio", "portada", "compartir",
        "compartir en facebook", "compartir en twitter", "imprimir", "guardar", "síguenos", "síguenos en",
        "suscríbete", "suscribirse", "regístrate", "registrarse", "iniciar sesión", "acceder", "mi cuenta", "boletín",
        "etiquetas", "temas", "categorías", "comentarios", "deja un comentario", "dejar un comentario", "responder",
        "publicidad", "patrocinado",
        // Portuguese
        "leia mais", "leia também", "continue lendo", "continuar lendo", "saiba mais", "ver mais", "ver tudo",
        "mostrar mais", "carregar mais", "mais notícias", "mais lidas", "mais lidos", "mais vistos",
        "notícias relacionadas", "artigos relacionados", "você também pode gostar", "veja também", "últimas notícias",
        "próximo", "próxima", "voltar", "voltar ao topo", "ir para o conteúdo", "pular para o conteúdo", "pesquisar",
        "início", "página inicial", "compartilhe", "compartilhar", "compartilhe esta notícia", "salvar", "siga-nos",
        "siga-nos nas redes sociais", "assine", "assinar", "inscreva-se", "entrar", "cadastre-se", "minha conta",
        "comentários", "deixe um comentário", "publicidade",
        // Italian
        "leggi tutto", "leggi di più", "continua a leggere", "leggi anche", "scopri di più", "vedi tutto",
        "vedi tutti", "mostra altro", "carica altro", "altre notizie", "articoli correlati", "notizie correlate",
        "potrebbe interessarti", "ti potrebbe interessare", "i più letti", "più letti", "più letto", "popolari",
        "ultime notizie", "ultim'ora", "successivo", "precedente", "articolo successivo", "articolo precedente",
        "indietro", "torna su", "torna all'inizio", "vai al contenuto", "salta al contenuto", "cerca", "ricerca",
        "condividi", "condividi su facebook", "stampa", "salva", "seguici", "seguici su", "iscriviti", "abbonati",
        "accedi", "registrati", "il mio account", "tag", "argomenti", "categorie", "commenti", "lascia un commento",
        "rispondi", "pubblicità", "sponsorizzato",
        // Dutch
        "lees meer", "lees verder", "verder lezen", "meer lezen", "bekijk meer", "bekijk alles", "toon meer",
        "meer laden", "meer nieuws", "lees ook", "gerelateerde artikelen", "gerelateerd",
        "dit vind je misschien ook leuk", "meest gelezen", "populair", "laatste nieuws", "volgende",
        "volgend artikel", "vorig artikel", "terug", "terug naar boven", "naar boven", "naar de inhoud",
        "ga naar inhoud", "zoeken", "delen", "deel dit artikel", "afdrukken", "printen", "opslaan", "volg ons",
        "volg ons op", "abonneren", "inschrijven", "aanmelden", "inloggen", "registreren", "mijn account", "reacties",
        "reageer", "plaats een reactie", "advertentie", "gesponsord",
        // Polish
        "czytaj więcej", "czytaj dalej", "zobacz więcej", "zobacz wszystkie", "pokaż więcej", "załaduj więcej",
        "więcej informacji", "zobacz także", "zobacz też", "czytaj także", "czytaj też", "polecamy",
        "podobne artykuły", "powiązane artykuły", "najczęściej czytane", "najpopularniejsze", "popularne",
        "najnowsze", "następny", "następna", "poprzedni", "poprzednia", "wróć", "powrót", "do góry",
        "przejdź do treści", "szukaj", "wyszukaj", "strona główna", "udostępnij", "drukuj", "zapisz", "obserwuj nas",
        "śledź nas", "subskrybuj", "zapisz się", "zaloguj się", "zarejestruj się", "moje konto", "tagi", "kategorie",
        "komentarze", "dodaj komentarz", "odpowiedz", "reklama", "sponsorowane",
        // Swedish, Danish, Norwegian
        "läs mer", "läs vidare", "läs också", "visa mer", "visa alla", "se mer", "se alla", "fler nyheter",
        "relaterade artiklar", "mest läst", "mest lästa", "populärt", "senaste nytt", "nästa", "föregående",
        "tillbaka", "till toppen", "hoppa till innehåll", "sök", "startsida", "dela", "skriv ut", "följ oss",
        "prenumerera", "logga in", "registrera", "mitt konto", "kommentarer", "svara", "annons", "læs mere",
        "læs også", "se mere", "vis mere", "relaterede artikler", "mest læste", "næste", "forrige", "tilbage",
        "til toppen", "søg", "forside", "følg os", "tilmeld", "log ind", "les mer", "les også", "vis mer",
        "relaterte artikler", "mest lest", "neste", "tilbake", "søk", "forsiden", "logg inn", "annonse",
        // Finnish
        "lue lisää", "lue myös", "näytä lisää", "katso lisää", "katso myös", "näytä kaikki", "aiheeseen liittyvät",
        "luetuimmat", "suosituimmat", "uusimmat", "seuraava", "edellinen", "takaisin", "takaisin ylös",
        "siirry sisältöön", "hae", "etusivu", "jaa", "tulosta", "seuraa meitä", "tilaa", "kirjaudu",
        "kirjaudu sisään", "rekisteröidy", "kommentit", "vastaa", "mainos",
        // Czech, Slovak
        "číst dále", "čtěte také", "více informací", "zobrazit více", "zobrazit vše", "načíst další",
        "související články", "nejčtenější", "populární", "nejnovější", "další", "předchozí", "zpět", "nahoru",
        "přejít na obsah", "hledat", "vyhledávání", "úvodní stránka", "domů", "sdílet", "tisk", "vytisknout",
        "sledujte nás", "přihlásit se", "registrace", "komentáře", "odpovědět", "čítať ďalej", "čítajte aj",
        "zobraziť viac", "súvisiace články", "najčítanejšie", "ďalší", "predchádzajúci", "späť", "hľadať", "zdieľať",
        "prihlásiť sa", "komentáre",
        // Hungarian, Romanian
        "tovább", "tovább olvasom", "bővebben", "olvass tovább", "kapcsolódó cikkek", "legolvasottabb", "népszerű",
        "friss", "következő", "előző", "vissza", "vissza a tetejére", "keresés", "kezdőlap", "főoldal", "megosztás",
        "nyomtatás", "kövess minket", "feliratkozás", "bejelentkezés", "regisztráció", "hozzászólások", "válasz",
        "hirdetés", "citește mai mult", "citeste mai mult", "citește și", "citeste si", "vezi mai mult", "vezi toate",
        "articole similare", "cele mai citite", "populare", "ultimele știri", "următorul", "înapoi", "sus", "caută",
        "căutare", "acasă", "distribuie", "printează", "urmărește-ne", "abonează-te", "autentificare", "înregistrare",
        "comentarii", "răspunde", "publicitate",
        // Turkish
        "devamını oku", "devamı", "daha fazla", "daha fazla göster", "tümünü gör", "hepsini gör", "ilgili haberler",
        "benzer haberler", "bunlar da ilginizi çekebilir", "en çok okunanlar", "çok okunanlar", "popüler",
        "son dakika", "son haberler", "sonraki", "önceki", "sonraki haber", "önceki haber", "geri", "başa dön",
        "yukarı", "içeriğe geç", "ara", "arama", "ana sayfa", "anasayfa", "paylaş", "yazdır", "kaydet",
        "bizi takip edin", "takip et", "abone ol", "giriş yap", "üye ol", "kayıt ol", "hesabım", "etiketler",
        "kategoriler", "yorumlar", "yorum yap", "yanıtla", "reklam",
        // Indonesian, Malay, Vietnamese
        "baca juga", "baca selengkapnya", "selengkapnya", "lihat semua", "lihat lebih banyak", "muat lebih banyak",
        "berita terkait", "artikel terkait", "terpopuler", "terbaru", "berita terbaru", "selanjutnya", "sebelumnya",
        "kembali", "kembali ke atas", "langsung ke konten", "cari", "pencarian", "beranda", "bagikan", "cetak",
        "simpan", "ikuti kami", "berlangganan", "masuk", "daftar", "akun saya", "komentar", "balas", "iklan",
        "baca lagi", "berita berkaitan", "kongsi", "ikuti kami di", "xem thêm", "đọc thêm", "đọc tiếp", "xem tất cả",
        "tin liên quan", "bài viết liên quan", "đọc nhiều nhất", "xem nhiều nhất", "tin mới nhất", "tiếp theo",
        "trước", "quay lại", "lên đầu trang", "tìm kiếm", "trang chủ", "chia sẻ", "in bài", "lưu",
        "theo dõi chúng tôi", "đăng ký", "đăng nhập", "bình luận", "trả lời", "quảng cáo",
        // Greek
        "διαβάστε περισσότερα", "διαβάστε επίσης", "δείτε περισσότερα", "δείτε όλα", "σχετικά άρθρα", "δημοφιλή",
        "τελευταία νέα", "επόμενο", "προηγούμενο", "πίσω", "αναζήτηση", "αρχική", "κοινοποίηση", "μοιραστείτε",
        "εκτύπωση", "ακολουθήστε μας", "εγγραφή", "σύνδεση", "σχόλια", "απάντηση", "διαφήμιση",
        // Russian, Ukrainian, Bulgarian, Serbian
        "читать далее", "читать дальше", "читать полностью", "подробнее", "читайте также", "смотрите также",
        "показать ещё", "показать еще", "показать все", "загрузить ещё", "загрузить еще", "ещё новости",
        "еще новости", "похожие статьи", "похожие новости", "по теме", "самое читаемое", "самое популярное",
        "популярное", "последние новости", "следующая", "предыдущая", "следующая статья", "предыдущая статья",
        "назад", "наверх", "перейти к содержимому", "поиск", "главная", "главная страница", "поделиться", "печать",
        "распечатать", "сохранить", "подписывайтесь", "подписывайтесь на нас", "мы в соцсетях", "подписаться",
        "войти", "вход", "регистрация", "личный кабинет", "теги", "метки", "рубрики", "комментарии",
        "оставить комментарий", "ответить", "реклама", "читати далі", "читайте також", "детальніше", "більше новин",
        "схожі новини", "популярне", "останні новини", "наступна", "попередня", "пошук", "головна", "поділитися",
        "друк", "підписатися", "увійти", "коментарі", "відповісти", "прочетете още", "вижте още", "още новини",
        "подобни статии", "най-четени", "следваща", "предишна", "търсене", "начало", "сподели", "коментари",
        "прочитајте још", "опширније", "повезане вести", "најчитаније", "претрага", "почетна", "подели",
        "pročitajte još", "opširnije", "povezane vijesti", "najčitanije", "pretraga", "naslovnica", "početna",
        "podijeli", "komentari", "preberi več", "sorodne novice", "najbolj brano", "iskanje", "domov", "deli",
        "komentarji",
        // Chinese
        "阅读全文", "阅读更多", "查看更多", "查看全部", "更多", "更多新闻", "加载更多", "相关文章", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "猜你喜欢", "热门文章",
        "热门", "热点", "最新", "最新文章", "最新消息", "排行榜", "上一篇", "下一篇", "上一页", "下一页", "返回", "返回顶部", "回到顶部", "跳到主要内容", "搜索",
        "首页", "分享", "分享到", "打印", "收藏", "关注我们", "订阅", "登录", "注册", "退出", "我的账户", "标签", "分类", "评论", "发表评论", "回复", "广告",
        "閱讀全文", "閱讀更多", "更多新聞", "相關文章", "相關新聞", "延伸閱讀", "推薦閱讀", "熱門文章", "熱門", "返回頂部", "回到頂部", "搜尋", "首頁", "列印",
        "關注我們", "訂閱", "登入", "註冊", "標籤", "分類", "評論", "留言", "回覆", "廣告",
        // Japanese
        "続きを読む", "もっと見る", "もっと読む", "すべて見る", "一覧を見る", "関連記事", "関連ニュース", "おすすめ記事", "おすすめ", "人気記事", "人気", "ランキング",
        "アクセスランキング", "最新記事", "新着", "次の記事", "前の記事", "次へ", "前へ", "戻る", "ページトップへ", "トップへ戻る", "ページの先頭へ", "メニュー", "検索",
        "ホーム", "トップ", "シェア", "シェアする", "ツイート", "印刷", "保存", "フォローする", "購読", "ログイン", "新規登録", "会員登録", "マイページ", "タグ",
        "カテゴリー", "カテゴリ", "コメント", "コメントする", "返信", "広告", "スポンサー",
        // Korean
        "더보기", "더 보기", "전체보기", "기사 더보기", "관련 기사", "관련기사", "추천 기사", "많이 본 뉴스", "인기 기사", "인기", "최신 뉴스", "다음 기사",
        "이전 기사", "다음", "이전", "맨 위로", "본문 바로가기", "검색", "홈", "공유", "공유하기", "인쇄", "저장", "구독", "구독하기", "로그인", "회원가입",
        "태그", "카테고리", "댓글", "답글", "광고",
        // Arabic, Hebrew, Persian, Hindi
        "اقرأ المزيد", "اقرأ أيضا", "اقرأ أيضاً", "المزيد", "عرض المزيد", "عرض الكل", "أخبار ذات صلة",
        "مقالات ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر شعبية", "آخر الأخبار", "التالي", "السابق", "رجوع",
        "العودة للأعلى", "بحث", "الرئيسية", "الصفحة الرئيسية", "شارك", "مشاركة", "طباعة", "حفظ", "تابعنا", "تابعونا",
        "اشترك", "تسجيل الدخول", "تسجيل", "التعليقات", "تعليقات", "رد", "إعلان", "קרא עוד", "קראו עוד",
        "כתבות נוספות", "כתבות קשורות", "הנקראים ביותר", "הבא", "הקודם", "חזרה", "חיפוש", "דף הבית", "שתף", "הדפס",
        "עקבו אחרינו", "הירשמו", "התחברות", "תגובות", "פרסומת", "ادامه مطلب", "بیشتر بخوانید", "بیشتر", "مطالب مرتبط",
        "اخبار مرتبط", "پربازدیدترین", "جدیدترین", "بعدی", "قبلی", "بازگشت", "جستجو", "صفحه اصلی", "اشتراک گذاری",
        "چاپ", "ما را دنبال کنید", "ورود", "ثبت نام", "نظرات", "تبلیغات", "और पढ़ें", "आगे पढ़ें", "यह भी पढ़ें",
        "सभी देखें", "संबंधित खबरें", "लोकप्रिय", "ताज़ा खबरें", "अगला", "पिछला", "वापस", "खोजें", "होम", "शेयर करें",
        "प्रिंट", "हमें फॉलो करें", "सब्सक्राइब करें", "लॉग इन", "टिप्पणियाँ", "विज्ञापन",
        // Thai
        "อ่านต่อ", "อ่านเพิ่มเติม", "ดูเพิ่มเติม", "ดูทั้งหมด", "ข่าวที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง", "ยอดนิยม",
        "ล่าสุด", "ถัดไป", "ก่อนหน้า", "กลับ", "กลับด้านบน", "ค้นหา", "หน้าแรก", "แชร์", "พิมพ์", "ติดตามเรา",
        "สมัครสมาชิก", "เข้าสู่ระบบ", "ความคิดเห็น", "โฆษณา",
    ];

    /// <summary>
    /// The phrases that title a list of other stories ("Related articles", "Lesen Sie auch", "関連記事"), a subset of
    /// <see cref="Phrases"/>. Not "see also" in any language: an encyclopedia article's own section of links.
    /// </summary>
    internal static readonly FrozenSet<string> ListHeadings = FrozenSet.ToFrozenSet(
    [
        "related", "related articles", "related stories", "related posts", "related content", "more stories", "more news",
        "more articles", "more from", "more like this", "you may also like", "you might also like", "you may like",
        "recommended", "recommended for you", "most read", "most popular", "most viewed", "most shared", "trending",
        "trending now", "latest news", "latest stories", "top stories", "editor's picks", "editors' picks", "don't miss",
        "mehr nachrichten", "mehr artikel", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren",
        "das könnte dich auch interessieren", "lesen sie auch", "lies auch", "empfohlen", "meistgelesen",
        "meistgelesene artikel", "aktuelle nachrichten", "plus d'articles", "à lire aussi", "a lire aussi", "lire aussi",
        "à voir aussi", "vous aimerez aussi", "vous aimerez peut-être aussi", "sur le même sujet", "articles similaires",
        "articles liés", "les plus lus", "les plus populaires", "dernières actualités", "les dernières actualités",
        "más noticias", "más artículos", "te puede interesar", "también te puede interesar", "le puede interesar",
        "quizás te interese", "noticias relacionadas", "artículos relacionados", "relacionado", "relacionados",
        "lo más leído", "más leídas", "más leídos", "más vistos", "últimas noticias", "leia também", "mais notícias",
        "mais lidas", "mais lidos", "notícias relacionadas", "artigos relacionados", "você também pode gostar",
        "leggi anche", "altre notizie", "articoli correlati", "notizie correlate", "potrebbe interessarti",
        "ti potrebbe interessare", "i più letti", "più letti", "ultime notizie", "meer nieuws", "lees ook",
        "gerelateerde artikelen", "dit vind je misschien ook leuk", "meest gelezen", "laatste nieuws", "czytaj także",
        "czytaj też", "polecamy", "podobne artykuły", "powiązane artykuły", "najczęściej czytane", "najpopularniejsze",
        "läs också", "fler nyheter", "relaterade artiklar", "mest läst", "mest lästa", "læs også", "relaterede artikler",
        "mest læste", "les også", "relaterte artikler", "mest lest", "lue myös", "aiheeseen liittyvät", "luetuimmat",
        "čtěte také", "související články", "nejčtenější", "čítajte aj", "súvisiace články", "najčítanejšie",
        "kapcsolódó cikkek", "legolvasottabb", "citește și", "citeste si", "articole similare", "cele mai citite",
        "ilgili haberler", "benzer haberler", "bunlar da ilginizi çekebilir", "en çok okunanlar", "çok okunanlar",
        "baca juga", "berita terkait", "artikel terkait", "berita berkaitan", "tin liên quan", "bài viết liên quan",
        "đọc nhiều nhất", "διαβάστε επίσης", "σχετικά άρθρα", "читайте также", "похожие статьи", "похожие новости",
        "самое читаемое", "читайте також", "схожі новини", "подобни статии", "най-четени", "прочитајте још",
        "повезане вести", "најчитаније", "pročitajte još", "povezane vijesti", "najčitanije", "sorodne novice",
        "najbolj brano", "相关文章", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "猜你喜欢", "热门文章", "相關文章", "相關新聞",
        "延伸閱讀", "推薦閱讀", "熱門文章", "関連記事", "関連ニュース", "おすすめ記事", "人気記事", "관련 기사", "관련기사",
        "추천 기사", "많이 본 뉴스", "인기 기사", "اقرأ أيضا", "اقرأ أيضاً", "أخبار ذات صلة", "مقالات ذات صلة", "الأكثر قراءة",
        "כתבות נוספות", "כתבות קשורות", "הנקראים ביותר", "مطالب مرتبط", "اخبار مرتبط", "यह भी पढ़ें",
        "संबंधित खबरें",
    ], StringComparer.Ordinal);

    /// <summary>The phrases by their first character, longest first, so the longest phrase a block opens with is the one measured.</summary>
    private static readonly FrozenDictionary<char, string[]> ByFirst = Phrases
        .GroupBy(phrase => phrase[0])
        .ToFrozenDictionary(group => group.Key, group => group.OrderByDescending(phrase => phrase.Length).ToArray());

    private static readonly int LongestPhrase = Phrases.Max(phrase => phrase.Length);

    /// <summary>
    /// The share of <paramref name="text"/>'s characters (trimmed of leading and trailing marks such as "»" or ":")
    /// that the chrome phrase it opens with covers: 1 for "Read more »", about 0.2 for "Home › News › World",
    /// 0 when it opens with none or is longer than <see cref="MaxChars"/>.
    /// </summary>
    public static float Share(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = TrimMarks(text);
        if (trimmed.IsEmpty || trimmed.Length > MaxChars || !ByFirst.TryGetValue(char.ToLowerInvariant(trimmed[0]), out var candidates))
        {
            return 0;
        }

        Span<char> lower = stackalloc char[Math.Min(trimmed.Length, LongestPhrase + 1)];
        trimmed[..lower.Length].ToLowerInvariant(lower);
        foreach (var phrase in candidates)
        {
            if (phrase.Length > lower.Length || !lower.StartsWith(phrase, StringComparison.Ordinal))
            {
                continue;
            }

            if (phrase.Length == trimmed.Length || IsBreak(lower[phrase.Length]) || IsUnspacedScript(phrase[^1]))
            {
                return (float)phrase.Length / trimmed.Length;
            }
        }

        return 0;
    }

    /// <summary>Whether <paramref name="text"/>, trimmed of marks as <see cref="Share"/> trims it, is one of <see cref="ListHeadings"/> and nothing more.</summary>
    public static bool IsListHeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = TrimMarks(text);
        if (trimmed.IsEmpty || trimmed.Length > LongestListHeading)
        {
            return false;
        }

        Span<char> lower = stackalloc char[trimmed.Length];
        trimmed.ToLowerInvariant(lower);
        return ListHeadingLookup.Contains(lower);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ListHeadingLookup = ListHeadings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestListHeading = ListHeadings.Max(heading => heading.Length);

    /// <summary>The text without the marks chrome puts around its words ("» Read more", "Related:").</summary>
    private static ReadOnlySpan<char> TrimMarks(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        while (start < span.Length && !IsWordCharacter(span[start]))
        {
            start++;
        }

        var end = span.Length;
        while (end > start && !IsWordCharacter(span[end - 1]))
        {
            end--;
        }

        return span[start..end];
    }

    /// <summary>Letters, digits and the marks that complete them (Devanagari vowel signs, Arabic tanwin).</summary>
    internal static bool IsWordCharacter(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Whether a phrase may end before this character: a space or the marks chrome puts after its words.</summary>
    private static bool IsBreak(char c) =>
        char.IsWhiteSpace(c) || c is ':' or '›' or '»' or '>' or '|' or '–' or '—' or '•' or '·' or ',' or '!' or '?' or '…' or '.' or '→' or '*' or '：' or '、' or '。' or '！';

    /// <summary>Scripts written without spaces (Chinese, Japanese, Thai; not Korean): a phrase there ends wherever its characters do.</summary>
    private static bool IsUnspacedScript(char c) => c is (>= '\u2E80' and (< '\uAC00' or > '\uD7AF')) or (>= '\u0E00' and <= '\u0E7F');
}
