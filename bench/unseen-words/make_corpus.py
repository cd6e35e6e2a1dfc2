# make_corpus.py SRC DST [--script zh]: a copy of a corpus (pages/ and truth.jsonl) as if written in a language no
# model has seen. Every run of letters in the pages' text becomes a made-up word of the same length and case, the same
# word always the same made-up word within a page and another one on the next page; markup, attributes, scripts,
# digits and punctuation stay. With --script zh the made-up words are Chinese characters instead (about one for three
# letters), run together without spaces, with full-width full stops and commas: a language written without spaces.
# The truth's article body (and title, author, snippets) is rewritten the same way, so both article measures still
# compare like with like. Pages are written as UTF-8 with their charset declarations to match.
# Usage: python3 bench/unseen-words/make_corpus.py ../shared/datasets/readability-pages /tmp/unseen/readability-pages
#        python3 bench/unseen-words/make_corpus.py ../shared/datasets/readability-pages /tmp/unseen-zh/readability-pages --script zh
# Score the Chinese form with score_chars.py: the shingle measure's \w+ tokens make a whole Chinese sentence one token.
import gzip, hashlib, html, json, os, re, sys
args = sys.argv[1:]
script = 'latin'
if '--script' in args:
    at = args.index('--script')
    script = args[at + 1] if at + 1 < len(args) else ''
    del args[at:at + 2]
if script not in ('latin', 'zh') or len(args) != 2:
    sys.exit('usage: make_corpus.py SRC DST [--script latin|zh]')
src, dst = args
os.makedirs(os.path.join(dst, 'pages'), exist_ok=True)
WORD = re.compile(r'[^\W\d_]+')
# Between two made-up words: spaces in the truth, any white space (the source's line breaks) in a page's text.
ZH_RUN = re.compile('(?<=[\u4e00-\u9fa5\u3002\uff0c]) +(?=[\u4e00-\u9fa5])')
ZH_RUN_HTML = re.compile('(?<=[\u4e00-\u9fa5\u3002\uff0c])\\s+(?=[\u4e00-\u9fa5])')
ZH_MARK = re.compile('(?<=[\u4e00-\u9fa5])([.,])(?=\\s|$)')
def digest(key, word):
    # The same word (any case) on the same page always gets the same made-up word, another page another one.
    return hashlib.blake2b((key + '\0' + word.lower()).encode(), digest_size=64).digest()
def cipher(text, key, in_html=False):
    if script == 'zh':
        def rep_zh(m):
            w = m.group(0)
            h = digest(key, w)
            n = max(1, (len(w) + 2) // 3)
            return ''.join(chr(0x4e00 + (h[2 * i % 64] * 256 + h[(2 * i + 1) % 64]) % 0x51a6) for i in range(n))
        text = WORD.sub(rep_zh, text)
        text = ZH_MARK.sub(lambda m: '\u3002' if m.group(1) == '.' else '\uff0c', text)
        return (ZH_RUN_HTML if in_html else ZH_RUN).sub('', text)
    def rep(m):
        w = m.group(0)
        h = digest(key, w)
        out = []
        for i, ch in enumerate(w):
            c = chr(ord('a') + h[i % 64] % 26) if i < 64 else chr(ord('a') + (h[i % 64] + i) % 26)
            out.append(c.upper() if ch.isupper() else c)
        return ''.join(out)
    return WORD.sub(rep, text)
TAG = re.compile(r'<!--.*?-->|<![^>]*>|<[^>]*>', re.S)
RAW = {'script', 'style'}
def cipher_html(doc, key):
    out = []; at = 0
    while at < len(doc):
        m = TAG.search(doc, at)
        end = m.start() if m else len(doc)
        if end > at:
            out.append(html.escape(cipher(html.unescape(doc[at:end]), key, in_html=True), quote=False))
        if not m:
            break
        tag = m.group(0); at = m.end()
        if tag.lower().startswith('<meta'):
            tag = re.sub(r'charset\s*=\s*["\']?[\w-]+', 'charset=utf-8', tag, flags=re.I)
        out.append(tag)
        name = re.match(r'<\s*([a-zA-Z][\w:-]*)', tag)
        if name and name.group(1).lower() in RAW and not tag.rstrip().endswith('/>'):
            # Script and style bodies are not text; they end at their own end tag, whatever they hold.
            close = re.compile(r'</\s*' + name.group(1) + r'\s*>', re.I).search(doc, at)
            stop = close.end() if close else len(doc)
            out.append(doc[at:stop]); at = stop
    return ''.join(out)
def decode(data):
    try: return data.decode('utf-8')
    except UnicodeDecodeError: pass
    m = re.search(rb'charset\s*=\s*["\']?([\w-]+)', data[:4096], re.I)
    enc = m.group(1).decode() if m else 'latin-1'
    try: return data.decode(enc, errors='replace')
    except LookupError: return data.decode('latin-1')
n = 0
page_files = {}
for f in sorted(os.listdir(os.path.join(src, 'pages'))):
    page_files.setdefault(f.split('.')[0], f)
with open(os.path.join(dst, 'truth.jsonl'), 'w') as out:
    for line in open(os.path.join(src, 'truth.jsonl')):
        t = json.loads(line)
        pid = t['id']
        f = page_files.get(pid)
        if f is None: continue
        raw = open(os.path.join(src, 'pages', f), 'rb').read()
        if f.endswith('.gz'): raw = gzip.decompress(raw)
        doc = cipher_html(decode(raw), pid)
        with gzip.open(os.path.join(dst, 'pages', pid + '.html.gz'), 'wb') as g: g.write(doc.encode('utf-8'))
        t['articleBody'] = cipher(t['articleBody'], pid)
        for k in ('title', 'author'):
            if isinstance(t.get(k), str): t[k] = cipher(t[k], pid)
        for k in ('with', 'without'):
            if isinstance(t.get(k), list): t[k] = [cipher(s, pid) if isinstance(s, str) else s for s in t[k]]
        out.write(json.dumps(t, ensure_ascii=False) + '\n'); n += 1
print(n, 'pages')
