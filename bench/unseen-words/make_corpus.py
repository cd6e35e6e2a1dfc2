# make_corpus.py SRC DST: a copy of a corpus (pages/ and truth.jsonl) as if written in a language no model has seen.
# Every run of letters in the pages' text becomes a made-up word of the same length and case, the same word always
# the same made-up word within a page and another one on the next page; markup, attributes, scripts, digits and
# punctuation stay. The truth's article body (and title, author, snippets) is rewritten the same way, so both
# article measures still compare like with like. Pages are written as UTF-8 with their charset declarations to match.
# Usage: python3 bench/unseen-words/make_corpus.py ../shared/datasets/readability-pages /tmp/unseen/readability-pages
import gzip, hashlib, html, json, os, re, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(dst, 'pages'), exist_ok=True)
WORD = re.compile(r'[^\W\d_]+')
def cipher(text, key):
    def rep(m):
        w = m.group(0)
        h = hashlib.blake2b((key + '\0' + w.lower()).encode(), digest_size=64).digest()
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
            out.append(html.escape(cipher(html.unescape(doc[at:end]), key), quote=False))
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
